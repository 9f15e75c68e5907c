package org.vaelab.spi;

import com.google.inject.Module;

/**
 * A VAELab plugin: a Guice module that registers component factories with {@link Registries},
 * most simply by extending {@link PluginModule}.
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader}; list the class in
 * {@code META-INF/services/org.vaelab.spi.VaePlugin}. Built-in components register exactly the
 * same way. Two plugins that register the same type name in one family make start-up fail with
 * a message naming both.
 */
public interface VaePlugin extends Module {
}
