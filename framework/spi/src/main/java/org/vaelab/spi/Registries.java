package org.vaelab.spi;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;

/**
 * The registries plugins add their factories to: one Guice {@link MapBinder} per
 * {@link Family}, keyed by the YAML type name. {@link PluginModule#register} fills them; a plugin
 * written as a plain Guice module adds to them itself:
 *
 * <pre>{@code
 * Registries.of(binder(), Family.ENCODER).addBinding("mlp").toInstance(ComponentFactory.of(MlpConfig.class,
 *         MlpEncoder::new, "Fully connected encoder: hidden layers, then linear heads for mean and log-variance"));
 * }</pre>
 */
public final class Registries {

    private Registries() {
    }

    /** The registry of {@code family}. */
    public static <T> MapBinder<String, ComponentFactory<?, T>> of(Binder binder, Family<T> family) {
        return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), family.factoryType());
    }
}
