package org.vaelab.plugins.kl;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * Free bits (Kingma et al. 2016, "Improved Variational Inference with Inverse Autoregressive
 * Flow", appendix C, equation 15), with each latent dimension its own group:
 * {@code beta * sum_j max(lambda, mean_batch KL_j)}. Below lambda nats a dimension's KL costs a
 * constant, so the objective gains nothing from shutting the dimension off. The weight fed each
 * step is beta; the capacity is unused and 0.
 */
final class FreeBitsKlSchedule implements KlSchedule {

    private final KlWeighting weighting;
    private final double lambda;

    FreeBitsKlSchedule(FreeBitsConfig config) {
        this.weighting = new KlWeighting(config.beta(), 0.0);
        this.lambda = config.lambda();
    }

    @Override
    public KlWeighting at(long step, TrainingHorizon horizon) {
        return weighting;
    }

    @Override
    public SDVariable penalty(SameDiff sd, SDVariable klPerExample, SDVariable klPerDimension, SDVariable weight,
                              SDVariable capacity) {
        return weight.mul(sd.scalarMax(klPerDimension.mean(0), lambda).sum());
    }

    @Override
    public boolean needsKlPerDimension() {
        return true;
    }
}
