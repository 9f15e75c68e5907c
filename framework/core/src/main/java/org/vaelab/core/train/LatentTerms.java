package org.vaelab.core.train;

import java.util.List;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.StochasticLayer;

/**
 * Which latent terms a model's prior and posterior define, so evaluations report the others as not applicable
 * rather than as wrong numbers.
 *
 * @param klClosedForm whether the KL is in closed form, per latent dimension ({@link VaeGraph#KL_PER_DIMENSION});
 *     otherwise {@link VaeGraph#KL} is the Monte Carlo estimate {@code E_q[log q(z|x) - log p(z)]} over the
 *     graph's samples of z, and no KL per dimension exists
 * @param posteriorMeanIsEncoderMean whether E_q[z] is the encoder's mean ({@link VaeGraph#Z_MEAN}), on which
 *     the activity of latent dimensions is measured
 * @param layers the stochastic layers of z where the posterior has several ({@link Posterior#layers}), whose
 *     activity is measured per layer on the posterior's code ({@link VaeGraph#Z_CODE}); empty for one layer
 */
public record LatentTerms(boolean klClosedForm, boolean posteriorMeanIsEncoderMean, List<StochasticLayer> layers) {

    public LatentTerms {
        layers = List.copyOf(layers);
    }

    /** How the KL is computed, as the run's output and provenance say: {@code closed_form} or {@code monte_carlo}. */
    public String klMethod() {
        return klClosedForm ? "closed_form" : "monte_carlo";
    }
}
