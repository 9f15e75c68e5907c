package org.vaelab.plugins.families;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The Wasserstein auto-encoder with the MMD penalty, WAE-MMD (Tolstikhin, Bousquet, Gelly and
 * Schoelkopf 2018, "Wasserstein Auto-Encoders", Algorithm 2): minimise
 * {@code 1/n sum_i c(x_i, G(z_i)) + lambda MMD_k(Q_Z, P_Z)} (eq. 4, with D_Z the MMD, estimated as in
 * the algorithm), z_i drawn from the encoder q(z|x_i) and the MMD taken between the batch's
 * codes and as many draws from the prior ({@link ObjectiveTerms#priorSample()}), with the inverse
 * multiquadratics kernel summed over scales ({@link MmdKernel#INVERSE_MULTIQUADRATIC}).
 *
 * <p>The cost c is the likelihood's {@code -log p(x|z)}: for a Gaussian likelihood of fixed
 * variance it is the paper's squared Euclidean cost up to a factor and a constant; for the
 * Bernoulli likelihood, the cross-entropy. Unlike a VAE, nothing keeps each q(z|x) wide (only their
 * mixture is matched to the prior), so the encoder's variances shrink and the reported ELBO,
 * whose KL grows with {@code -log sigma^2}, is expected to be poor. The MMD is logged as
 * {@code train/mmd}; the spec's {@code kl} weighting does not enter the objective. One sample of z
 * per example, as in the algorithm.
 */
final class WaeMmdFamily implements ModelFamily {

    private final WaeMmdConfig config;

    WaeMmdFamily(WaeMmdConfig config) {
        this.config = config;
    }

    @Override
    public int samples(int mcSamples) {
        return 1;
    }

    @Override
    public boolean usesPriorSamples() {
        return true;
    }

    /** Its prior samples are N(0, I) draws, so it takes no other prior. */
    @Override
    public boolean needsDefaultLatents() {
        return true;
    }

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        SDVariable mmd = MaximumMeanDiscrepancy.of(sd, terms.z(), terms.priorSample(),
                MmdKernel.INVERSE_MULTIQUADRATIC);
        return new Objective(terms.logPx().mean().neg().add(mmd.mul(config.lambda())), Map.of("mmd", mmd));
    }
}
