package org.vaelab.spi;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.optim.Optimizer;
import org.vaelab.spi.track.Tracker;

/**
 * The registries plugins add their factories to: one Guice {@link MapBinder} per
 * {@link Family}, keyed by the YAML type name.
 *
 * <pre>{@code
 * Registries.encoders(binder()).addBinding("mlp").to(MlpEncoderFactory.class);
 * }</pre>
 */
public final class Registries {

    private Registries() {
    }

    /** The registry of {@code family}. */
    public static <T> MapBinder<String, ComponentFactory<?, T>> of(Binder binder, Family<T> family) {
        return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), family.factoryType());
    }

    public static MapBinder<String, ComponentFactory<?, Dataset>> datasets(Binder binder) {
        return of(binder, Family.DATASET);
    }

    public static MapBinder<String, ComponentFactory<?, Encoder>> encoders(Binder binder) {
        return of(binder, Family.ENCODER);
    }

    public static MapBinder<String, ComponentFactory<?, Decoder>> decoders(Binder binder) {
        return of(binder, Family.DECODER);
    }

    public static MapBinder<String, ComponentFactory<?, Likelihood>> likelihoods(Binder binder) {
        return of(binder, Family.LIKELIHOOD);
    }

    public static MapBinder<String, ComponentFactory<?, KlSchedule>> klSchedules(Binder binder) {
        return of(binder, Family.KL_SCHEDULE);
    }

    public static MapBinder<String, ComponentFactory<?, ModelFamily>> modelFamilies(Binder binder) {
        return of(binder, Family.MODEL_FAMILY);
    }

    public static MapBinder<String, ComponentFactory<?, Optimizer>> optimizers(Binder binder) {
        return of(binder, Family.OPTIMIZER);
    }

    public static MapBinder<String, ComponentFactory<?, Tracker>> trackers(Binder binder) {
        return of(binder, Family.TRACKER);
    }
}
