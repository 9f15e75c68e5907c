package org.vaelab.spi.kl;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Weights the KL term of the training objective as a function of the global step. The reported
 * ELBO never depends on it: only the training loss does.
 *
 * <p>Every step the framework feeds {@link #at}'s weight and capacity to the graph (and logs them
 * as {@code kl/weight} and {@code kl/capacity}); {@link #penalty} turns them and the per-dimension
 * KL into the term added to the reconstruction loss.
 */
public interface KlSchedule {

    /** The penalty's weight and capacity at global step {@code step} (0-based). */
    KlWeighting at(long step, TrainingHorizon horizon);

    /**
     * The KL penalty of one batch, a scalar. The default is {@code w * |mean_batch(KL) - C|}: the
     * beta-VAE penalty when C = 0 (Higgins et al. 2017) and the controlled-capacity objective of
     * Burgess et al. 2018 (equation 8) otherwise.
     *
     * @param klPerExample KL(q(z|x) || p(z)) per example, {@code [batch]}: in closed form, or a Monte Carlo
     *     estimate when the model's prior and posterior have none
     * @param klPerDimension KL(q(z_j|x) || p(z_j)) per example and latent dimension, {@code [batch, latentDim]};
     *     null when the prior and posterior have no closed form per dimension (see {@link #needsKlPerDimension})
     * @param weight the weight w fed this step, a scalar
     * @param capacity the capacity C fed this step, a scalar
     */
    default SDVariable penalty(SameDiff sd, SDVariable klPerExample, SDVariable klPerDimension, SDVariable weight,
                               SDVariable capacity) {
        return weight.mul(sd.math().abs(klPerExample.mean().sub(capacity)));
    }

    /**
     * Whether {@link #penalty} reads the KL per latent dimension, so that a model whose prior and
     * posterior have no closed form per dimension is refused; false by default. Since SPI 2.1.
     */
    default boolean needsKlPerDimension() {
        return false;
    }
}
