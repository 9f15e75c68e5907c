package org.vaelab.spi;

import com.google.inject.AbstractModule;
import java.util.function.Function;

/**
 * The base class of a plugin: its {@link #configure} registers each component type in one
 * statement, with the product's constructor (or a static method) taking the configuration record
 * and the sentence {@code vae plugins} shows.
 *
 * <pre>{@code
 * public final class KlSchedulesPlugin extends PluginModule {
 *     @Override
 *     protected void configure() {
 *         register(Family.KL_SCHEDULE, "beta", BetaConfig.class, BetaKlSchedule::new,
 *                 "Constant KL weight beta (Higgins et al. 2017); beta = 1 is the plain VAE");
 *     }
 * }
 * }</pre>
 *
 * <p>List the subclass in {@code META-INF/services/org.vaelab.spi.VaePlugin}. A plugin that
 * needs more of Guice can extend {@link AbstractModule} and use {@link Registries} instead.
 */
public abstract class PluginModule extends AbstractModule implements VaePlugin {

    /**
     * Registers the type {@code type} of {@code family}: a YAML block {@code {type: <type>, ...}}
     * is bound to {@code configType}, validated, and handed to {@code create}. Another plugin
     * registering the same name in the same family makes start-up fail, naming both plugins.
     */
    protected final <C extends Record, T> void register(Family<T> family, String type, Class<C> configType,
                                                        Function<? super C, ? extends T> create, String description) {
        // skipping this class makes the binding's source, which Guice's duplicate-key message shows, the plugin's line
        Registries.of(binder().skipSources(PluginModule.class), family).addBinding(type)
                .toInstance(ComponentFactory.of(configType, create, description));
    }
}
