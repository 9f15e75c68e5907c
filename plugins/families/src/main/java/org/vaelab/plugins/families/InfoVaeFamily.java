package org.vaelab.plugins.families;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * InfoVAE with the MMD divergence (Zhao, Song and Ermon 2019, "InfoVAE: Balancing Learning and
 * Inference in Variational Autoencoders"): maximise
 * {@code E_pD[E_q[log p(x|z)]] - (1 - alpha) E_pD[KL(q(z|x) || p(z))] - (alpha + lambda - 1) D(q(z) || p(z))}
 * (section 3: the InfoVAE objective, a weighted sum of the ELBO, the mutual information I_q(x; z) and
 * the divergence of q(z) from p(z), rewritten in terms a VAE can compute), with D the maximum
 * mean discrepancy (section 3.1) between the batch's codes and as many draws from the prior
 * ({@link ObjectiveTerms#priorSample()}), Gaussian kernel ({@link MmdKernel#GAUSSIAN}). alpha = 1
 * is the MMD-VAE; alpha = 0, lambda = 1 the plain VAE. The loss is
 * {@code -mean(E_q[log p(x|z)]) + (1 - alpha) mean(KL) + (alpha + lambda - 1) MMD}; the spec's
 * {@code kl} weighting does not enter it. The MMD is logged as {@code train/mmd}.
 */
final class InfoVaeFamily implements ModelFamily {

    private final InfoVaeConfig config;

    InfoVaeFamily(InfoVaeConfig config) {
        this.config = config;
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
        SDVariable mmd = MaximumMeanDiscrepancy.of(sd, terms.z(), terms.priorSample(), MmdKernel.GAUSSIAN);
        SDVariable loss = terms.logPx().mean().neg().add(terms.kl().mean().mul(1 - config.alpha()))
                .add(mmd.mul(config.alpha() + config.lambda() - 1));
        return new Objective(loss, Map.of("mmd", mmd));
    }
}
