package org.vaelab.spi;

import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Optional;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.optim.Optimizer;
import org.vaelab.spi.track.Tracker;

/**
 * A family of pluggable components: the product type its factories make, the name used in
 * messages and {@code vae plugins}, and the Guice type of its registry entries.
 *
 * @param <T> the product type, for example {@link Encoder}
 */
public final class Family<T> {

    public static final Family<Dataset> DATASET =
            new Family<>("dataset", Dataset.class, new TypeLiteral<ComponentFactory<?, Dataset>>() { });
    public static final Family<Encoder> ENCODER =
            new Family<>("encoder", Encoder.class, new TypeLiteral<ComponentFactory<?, Encoder>>() { });
    public static final Family<Decoder> DECODER =
            new Family<>("decoder", Decoder.class, new TypeLiteral<ComponentFactory<?, Decoder>>() { });
    public static final Family<Likelihood> LIKELIHOOD =
            new Family<>("likelihood", Likelihood.class, new TypeLiteral<ComponentFactory<?, Likelihood>>() { });
    public static final Family<KlSchedule> KL_SCHEDULE =
            new Family<>("kl", KlSchedule.class, new TypeLiteral<ComponentFactory<?, KlSchedule>>() { });
    public static final Family<Optimizer> OPTIMIZER =
            new Family<>("optimizer", Optimizer.class, new TypeLiteral<ComponentFactory<?, Optimizer>>() { });
    public static final Family<ModelFamily> MODEL_FAMILY =
            new Family<>("model family", ModelFamily.class, new TypeLiteral<ComponentFactory<?, ModelFamily>>() { });
    /** Priors p(z). Since SPI 2.1. */
    public static final Family<Prior> PRIOR =
            new Family<>("prior", Prior.class, new TypeLiteral<ComponentFactory<?, Prior>>() { });
    /** Approximate posteriors q(z|x). Since SPI 2.1. */
    public static final Family<Posterior> POSTERIOR =
            new Family<>("posterior", Posterior.class, new TypeLiteral<ComponentFactory<?, Posterior>>() { });
    public static final Family<Tracker> TRACKER =
            new Family<>("tracker", Tracker.class, new TypeLiteral<ComponentFactory<?, Tracker>>() { });

    /** Every family, in the order {@code vae plugins} lists them. */
    public static final List<Family<?>> ALL =
            List.of(DATASET, ENCODER, DECODER, LIKELIHOOD, KL_SCHEDULE, MODEL_FAMILY, PRIOR, POSTERIOR, OPTIMIZER,
                    TRACKER);

    private final String name;
    private final Class<T> productType;
    private final TypeLiteral<ComponentFactory<?, T>> factoryType;

    private Family(String name, Class<T> productType, TypeLiteral<ComponentFactory<?, T>> factoryType) {
        this.name = name;
        this.productType = productType;
        this.factoryType = factoryType;
    }

    /** The family's name as users see it, for example {@code encoder}. */
    public String name() {
        return name;
    }

    /** The interface every product of this family implements. */
    public Class<T> productType() {
        return productType;
    }

    /** The Guice type of one registry entry. */
    public TypeLiteral<ComponentFactory<?, T>> factoryType() {
        return factoryType;
    }

    /** The family whose products implement {@code type}, if any. */
    public static Optional<Family<?>> ofProduct(Class<?> type) {
        return ALL.stream().filter(f -> f.productType.equals(type)).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
