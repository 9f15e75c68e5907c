package org.vaelab.spi.model;

import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What a {@link ModelFamily} trains on and what it reports besides the ELBO's terms; since SPI 2.3 also the term a
 * posterior adds to the training loss ({@code PosteriorSample.trainingTerm} of {@code org.vaelab.spi.latent}).
 *
 * @param loss the training loss of a batch, a scalar
 * @param metrics scalars the family logs every step as {@code train/NAME}, by name (such as
 *     beta-TCVAE's {@code tc}); names are lower-case words joined by underscores
 */
public record Objective(SDVariable loss, Map<String, SDVariable> metrics) {

    public Objective {
        Objects.requireNonNull(loss, "loss");
        metrics = Map.copyOf(metrics);
        metrics.keySet().forEach(name -> {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("metric name '" + name
                        + "' is not lower-case words joined by underscores");
            }
        });
    }

    /** A loss without extra metrics. */
    public static Objective of(SDVariable loss) {
        return new Objective(loss, Map.of());
    }
}
