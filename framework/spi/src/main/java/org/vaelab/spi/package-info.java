/**
 * The service-provider interface of VAELab: everything a plugin compiles against.
 *
 * <p>A plugin is a Guice module ({@link org.vaelab.spi.VaePlugin}, most simply a
 * {@link org.vaelab.spi.PluginModule}) listed in {@code META-INF/services/org.vaelab.spi.VaePlugin}.
 * It registers {@link org.vaelab.spi.ComponentFactory component factories} under YAML type names,
 * one registry per {@link org.vaelab.spi.Family family}: datasets, encoders, decoders,
 * likelihoods, KL schedules, model families, optimizers and trackers. Configurations are Java
 * records whose components carry {@link org.vaelab.spi.Param} documentation; the framework binds
 * YAML to them, validates them and prints their documentation in {@code vae plugins}.
 */
package org.vaelab.spi;
