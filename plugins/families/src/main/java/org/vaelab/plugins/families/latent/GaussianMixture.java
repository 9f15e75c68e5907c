package org.vaelab.plugins.families.latent;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.RowSums;

/**
 * A mixture of K diagonal Gaussians in a graph, {@code p(z) = sum_k pi_k N(z; mu_k, diag(sigma_k^2))}: the
 * density of the mixture-of-Gaussians prior and of the VampPrior (Tomczak and Welling 2018, "VAE with a
 * VampPrior", eq. 9, with {@code pi_k = 1/K}).
 *
 * @param means the components' means, {@code [K, latentDim]}
 * @param logVariances the components' log-variances, {@code [K, latentDim]}
 * @param logWeights {@code log pi_k}, {@code [1, K]}
 */
record GaussianMixture(SameDiff sd, SDVariable means, SDVariable logVariances, SDVariable logWeights,
                       int components, int latentDim) {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /** The mixture with equal weights {@code 1/K}. */
    static GaussianMixture uniform(SameDiff sd, SDVariable means, SDVariable logVariances, int components,
                                   int latentDim) {
        SDVariable logWeights = sd.constant(Nd4j.valueArrayOf(new long[] {1, components}, -Math.log(components),
                DataType.FLOAT));
        return new GaussianMixture(sd, means, logVariances, logWeights, components, latentDim);
    }

    /**
     * {@code log p(z)} of every row of {@code z}, {@code [rows]}: {@code logsumexp_k (log pi_k + log N(z; mu_k,
     * sigma_k^2))}, with {@code log N = -1/2 sum_j ((z_j - mu_kj)^2 / sigma_kj^2 + log sigma_kj^2 + log 2 pi)},
     * the log-sum-exp taken stably around its largest term.
     */
    SDVariable logDensity(SDVariable z) {
        SDVariable difference = sd.expandDims(z, 1).sub(sd.expandDims(means, 0));
        SDVariable logVariance = sd.expandDims(logVariances, 0);
        SDVariable terms = difference.mul(difference).mul(sd.math().exp(logVariance.neg())).add(logVariance)
                .add(LOG_TWO_PI);
        SDVariable perComponent = sd.reshape(RowSums.of(sd, sd.reshape(terms, -1, latentDim), latentDim), -1,
                components).mul(-0.5).add(logWeights);
        if (components == 1) {
            return sd.reshape(perComponent, -1);
        }
        SDVariable largest = perComponent.max(true, 1);
        return sd.math().log(RowSums.of(sd, sd.math().exp(perComponent.sub(largest)), components))
                .add(sd.reshape(largest, -1));
    }

    /**
     * Rows drawn from the mixture: component k where {@code uniform} falls in
     * {@code [pi_1 + ... + pi_(k-1), pi_1 + ... + pi_k)} (the last interval reaching 1, so rounding never leaves a
     * row without one), then {@code z = mu_k + sigma_k * normal}.
     *
     * @param normal standard normal values, {@code [rows, latentDim]}
     * @param uniform uniform values in [0, 1), {@code [rows, 1]}
     */
    SDVariable sample(SDVariable normal, SDVariable uniform) {
        SDVariable chosen = oneHot(uniform);
        SDVariable deviations = sd.math().exp(logVariances.mul(0.5));
        return chosen.mmul(means).add(chosen.mmul(deviations).mul(normal));
    }

    /** {@code [rows, K]}: 1 in the column of each row's component, 0 elsewhere. */
    private SDVariable oneHot(SDVariable uniform) {
        if (components == 1) {
            return sd.onesLike(uniform);
        }
        float[] upper = new float[components * components];
        for (int row = 0; row < components; row++) {
            for (int column = row; column < components; column++) {
                upper[row * components + column] = 1f;
            }
        }
        SDVariable cumulative = sd.math().exp(logWeights).mmul(sd.constant(Nd4j.create(upper,
                new long[] {components, components}, 'c')));
        SDVariable bounds = sd.concat(1, cumulative.get(SDIndex.all(), SDIndex.interval(0, components - 1)),
                sd.constant(Nd4j.valueArrayOf(new long[] {1, 1}, 2.0, DataType.FLOAT)));
        SDVariable below = sd.math().sign(sd.nn().relu(bounds.sub(uniform), 0));
        SDVariable previous = sd.concat(1, sd.zerosLike(uniform),
                below.get(SDIndex.all(), SDIndex.interval(0, components - 1)));
        return below.sub(previous);
    }
}
