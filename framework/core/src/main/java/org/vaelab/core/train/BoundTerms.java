package org.vaelab.core.train;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The terms of the ELBO and of the importance weights of one batch, from the likelihood's log-probability of every
 * sample of z, a prior and the posterior's samples ({@link VaeGraph}): the KL in closed form where the pair has one,
 * else the Monte Carlo estimate {@code mean_k (log q(z|x) - log p(z))}, and every sample's log importance weight
 * {@code log p(x|z) + log p(z) - log q(z|x)} (Burda et al. 2016, eq. 8).
 *
 * @param logPxPerSample log p(x|z) of every sample, {@code [k * batch]}
 * @param klPerDimension the closed-form KL per example and latent dimension, {@code [batch, latentDim]}, if any
 * @param kl the KL per example, {@code [batch]}
 * @param logWeight the log importance weight of every sample, {@code [k * batch]}
 */
record BoundTerms(SDVariable logPxPerSample, Optional<SDVariable> klPerDimension, SDVariable kl,
                  SDVariable logWeight) {

    /** The terms of {@code posterior}'s samples, drawn from q = {@code encoded}, under {@code prior}. */
    static BoundTerms of(SameDiff sd, ModelParts parts, int samples, SDVariable logPxPerSample, PriorDensity prior,
                         PosteriorSample posterior, GaussianPosterior encoded) {
        Optional<SDVariable> closedForm = posterior.gaussian().isPresent() ? prior.klPerDimension(encoded)
                : parts.posterior().klPerDimension(encoded, prior);
        SDVariable logRatio = prior.logRatio(posterior);
        SDVariable kl = closedForm.map(perDimension -> RowSums.of(sd, perDimension, parts.latentDim()))
                .orElseGet(() -> VaeGraph.meanOverSamples(sd, logRatio.neg(), samples));
        return new BoundTerms(logPxPerSample, closedForm, kl, logPxPerSample.add(logRatio));
    }
}
