package org.vaelab.plugins.families;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * beta-TCVAE (Chen, Li, Grosse and Duvenaud 2018, "Isolating Sources of Disentanglement in
 * VAEs"): the averaged KL term splits into the index-code mutual information, the total
 * correlation and the dimension-wise KL (eq. 2),
 * {@code E[KL(q(z|x) || p(z))] = I(x; z) + KL(q(z) || prod_j q(z_j)) + sum_j KL(q(z_j) || p(z_j))},
 * and the loss weights them alpha, beta and gamma:
 * {@code -E[log p(x|z)] + alpha I + beta TC + gamma DWKL} (eq. 4).
 *
 * <p>log q(z_i) and log q(z_ij) for the batch's samples z_i are estimated from the minibatch
 * (section 3.1): {@code log q(z_i) ~ log (1/M) sum_m q(z_i | x_m)} over the batch's M examples, and
 * likewise per dimension. Chen et al.'s minibatch weighted sampling (eq. 6) subtracts
 * {@code log(N M)} instead of {@code log M}, N the training-split size: a constant, so training is
 * the same, but it offsets the logged terms by multiples of log N (the mutual information by
 * {@code +log N}, the total correlation by {@code (D - 1) log N}, the dimension-wise KL by
 * {@code -D log N}), so that a model whose posteriors all equal the prior would log 11, 33 and -44
 * nats for N = 60,000 and D = 4 instead of about 0. The three terms are logged every step as
 * {@code train/mi}, {@code train/tc} and {@code train/dwkl}; their sum is a Monte Carlo estimate
 * of the batch's mean KL. The family uses one sample of z per example and ignores the spec's
 * {@code kl} weighting.
 */
final class BetaTcVaeFamily implements ModelFamily {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    /**
     * The log-density of a padding column, so log-sum-exp never reduces a dimension of size 1 (ND4J fails on those).
     */
    private static final double NEGLIGIBLE = -1e30;

    private final BetaTcVaeConfig config;

    BetaTcVaeFamily(BetaTcVaeConfig config) {
        this.config = config;
    }

    /** Its decomposition reads q(z|x) as the encoder's Gaussian and p(z) as N(0, I). */
    @Override
    public boolean needsDefaultLatents() {
        return true;
    }

    @Override
    public int samples(int mcSamples) {
        return 1;
    }

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        SDVariable z = terms.z();
        SDVariable mean = terms.mean();
        SDVariable logVariance = terms.logVariance();
        SDVariable batch = sd.sizeAt(z, 0).castTo(DataType.FLOAT);
        SDVariable logM = sd.math().log(batch);
        // log N(z_id; mu_md, sigma_md^2) for every example i, batch member m and dimension d: [M, M, D]
        SDVariable zi = sd.expandDims(z, 1);
        SDVariable mu = sd.expandDims(mean, 0);
        SDVariable logVar = sd.expandDims(logVariance, 0);
        SDVariable difference = zi.sub(mu);
        SDVariable pairwise = difference.mul(difference).mul(sd.math().exp(logVar.neg())).add(logVar).add(LOG_TWO_PI)
                .mul(-0.5);
        SDVariable logQzProduct = logSumExpOverBatch(sd, pairwise).sub(logM).sum(1);
        SDVariable logQz = logSumExpOverBatch(sd, pairwise.sum(2)).sub(logM);
        SDVariable own = z.sub(mean);
        SDVariable logQzGivenX = own.mul(own).mul(sd.math().exp(logVariance.neg())).add(logVariance).add(LOG_TWO_PI)
                .mul(-0.5).sum(1);
        SDVariable logPz = z.mul(z).add(LOG_TWO_PI).mul(-0.5).sum(1);
        SDVariable mutualInformation = logQzGivenX.sub(logQz).mean();
        SDVariable totalCorrelation = logQz.sub(logQzProduct).mean();
        SDVariable dimensionWiseKl = logQzProduct.sub(logPz).mean();
        SDVariable loss = terms.logPx().mean().neg().add(mutualInformation.mul(config.alpha()))
                .add(totalCorrelation.mul(config.beta())).add(dimensionWiseKl.mul(config.gamma()));
        return new Objective(loss, Map.of("mi", mutualInformation, "tc", totalCorrelation, "dwkl", dimensionWiseKl));
    }

    /**
     * {@code log sum_m exp(x[i, m, ...])} over dimension 1, stably ({@code max + log sum exp(x - max)}),
     * with a padding column of {@link #NEGLIGIBLE} so a batch of one is no special case.
     */
    private static SDVariable logSumExpOverBatch(SameDiff sd, SDVariable values) {
        SDVariable padding = values.get(SDIndex.all(), SDIndex.interval(0, 1)).mul(0).add(NEGLIGIBLE);
        SDVariable padded = sd.concat(1, values, padding);
        SDVariable largest = padded.max(true, 1);
        return sd.math().log(sd.math().exp(padded.sub(largest)).sum(1)).add(sd.squeeze(largest, 1));
    }
}
