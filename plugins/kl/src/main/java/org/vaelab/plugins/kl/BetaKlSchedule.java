package org.vaelab.plugins.kl;

import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The beta-VAE penalty {@code beta * KL(q(z|x) || p(z))} of Higgins et al. 2017,
 * "beta-VAE: Learning Basic Visual Concepts with a Constrained Variational Framework", equation 4.
 */
final class BetaKlSchedule implements KlSchedule {

    private final KlWeighting weighting;

    BetaKlSchedule(BetaConfig config) {
        this.weighting = new KlWeighting(config.beta(), 0.0);
    }

    @Override
    public KlWeighting at(long step, TrainingHorizon horizon) {
        return weighting;
    }
}
