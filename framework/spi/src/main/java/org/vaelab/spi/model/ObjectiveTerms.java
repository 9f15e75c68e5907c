package org.vaelab.spi.model;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The terms of a VAE graph a {@link ModelFamily} builds its objective from. Rows of per-sample
 * values are sample-major: row {@code s * batch + b} is sample s of example b.
 *
 * @param samples k, the samples of z per example
 * @param logPx E_q[log p(x|z)] per example, the mean over the k samples, {@code [batch]}
 * @param logWeight the log importance weight {@code log p(x|z) + log p(z) - log q(z|x)} of every
 *     sample, {@code [k * batch]} (Burda et al. 2016, eq. 8)
 * @param kl KL(q(z|x) || N(0, I)) per example, {@code [batch]}
 * @param klPenalty the KL schedule's penalty of the batch, a scalar (by default {@code w * |mean(KL) - C|})
 * @param z the samples of z, {@code [k * batch, latentDim]}
 * @param mean the posterior means, {@code [batch, latentDim]}
 * @param logVariance the posterior log-variances, {@code [batch, latentDim]}
 * @param priorSample draws from the prior p(z), {@code [k * batch, latentDim]}, independent of z, for a family whose
 *     {@link ModelFamily#usesPriorSamples()} is true; null otherwise. Today the prior is N(0, I) and these are its
 *     draws from the run's seeded generator; a pluggable prior (VampPrior, a mixture) will fill them from its own
 *     sampler, and the families that read them need no change. Since SPI 2.1.
 */
public record ObjectiveTerms(int samples, SDVariable logPx, SDVariable logWeight, SDVariable kl, SDVariable klPenalty,
                             SDVariable z, SDVariable mean, SDVariable logVariance, SDVariable priorSample) {

    /** The terms of a graph without prior samples, as before SPI 2.1. */
    public ObjectiveTerms(int samples, SDVariable logPx, SDVariable logWeight, SDVariable kl, SDVariable klPenalty,
                          SDVariable z, SDVariable mean, SDVariable logVariance) {
        this(samples, logPx, logWeight, kl, klPenalty, z, mean, logVariance, null);
    }
}
