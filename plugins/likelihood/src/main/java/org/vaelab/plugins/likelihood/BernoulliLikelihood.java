package org.vaelab.plugins.likelihood;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.likelihood.PointwiseLoss;

/**
 * Independent Bernoulli values parameterised by logits l:
 * {@code log p(x|l) = sum_i x_i l_i - softplus(l_i)} (Kingma and Welling 2014, appendix C.1),
 * with the stable softplus of {@link StableMath#softplus}.
 *
 * <p>Written out rather than through SameDiff's sigmoid cross-entropy loss op, which does not
 * pass gradients to anything computed after it. On grey-level data in [0, 1] this is the usual
 * cross-entropy objective, not a normalised density; the continuous Bernoulli of
 * Loaiza-Ganem and Cunningham 2019 ({@link ContinuousBernoulliLikelihood}) adds the missing
 * constant.
 */
final class BernoulliLikelihood implements Likelihood {

    @Override
    public int parametersPerValue() {
        return 1;
    }

    @Override
    public SDVariable logProbability(SameDiff sd, SDVariable x, SDVariable logits) {
        return RowSums.of(sd, logMassPerValue(sd, x, logits), x);
    }

    @Override
    public SDVariable mean(SameDiff sd, SDVariable logits) {
        return sd.nn().sigmoid(logits);
    }

    @Override
    public Optional<String> incompatibility(DataShape shape) {
        return unitIntervalOnly("bernoulli", shape);
    }

    @Override
    public Optional<PointwiseLoss> pointwiseLoss() {
        return Optional.of(BernoulliLikelihood::negativeLogLikelihood);
    }

    /**
     * {@code sum_i softplus(l_i) - x_i l_i} in the stable form {@code max(l, 0) + log(1 + e) - x l}
     * with {@code e = exp(-|l|)}, and its derivative {@code sigmoid(l_i) - x_i}, where
     * {@code sigmoid(l) = 1 / (1 + e)} for {@code l >= 0} and {@code e / (1 + e)} below: the graph's
     * {@link #logProbability} negated, on plain arrays. Three loops without branches: e into
     * {@code gradient}; the loss, with {@code log(1 + e) = 2 atanh(e / (2 + e))} summed as its odd
     * series (nine terms, float precision for e in [0, 1]); the derivative, which the JIT vectorises.
     */
    static double negativeLogLikelihood(float[] x, float[] logits, float[] gradient, int count) {
        for (int i = 0; i < count; i++) {
            gradient[i] = (float) Math.exp(-Math.abs(logits[i]));
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            float l = logits[i];
            sum += (l + Math.abs(l)) * 0.5f + log1pOfUnitInterval(gradient[i]) - x[i] * l;
        }
        for (int i = 0; i < count; i++) {
            float l = logits[i];
            float e = gradient[i];
            float atLeastZero = 1 / (1 + e);
            float positive = (l + Math.abs(l)) / (2 * Math.abs(l) + Float.MIN_NORMAL);
            gradient[i] = positive * atLeastZero + (1 - positive) * e * atLeastZero - x[i];
        }
        return sum;
    }

    /** {@code log(1 + e)} for e in [0, 1], as {@code 2 (s + s^3/3 + ... + s^17/17)} with {@code s = e / (2 + e) <= 1/3}. */
    private static float log1pOfUnitInterval(float e) {
        float s = e / (2 + e);
        float t = s * s;
        return 2 * s * (1 + t * (1f / 3 + t * (1f / 5 + t * (1f / 7 + t * (1f / 9 + t * (1f / 11 + t * (1f / 13
                + t * (1f / 15 + t * (1f / 17)))))))));
    }

    /** {@code x l - softplus(l)} value by value, {@code [batch, D]}: log sigmoid(l) at x = 1, log sigmoid(-l) at x = 0. */
    static SDVariable logMassPerValue(SameDiff sd, SDVariable x, SDVariable logits) {
        return x.mul(logits).sub(StableMath.softplus(sd, logits));
    }

    /** Refuses data outside [0, 1], naming the likelihood that refuses it. */
    static Optional<String> unitIntervalOnly(String likelihood, DataShape shape) {
        return shape.range().within(ValueRange.UNIT_INTERVAL)
                ? Optional.empty()
                : Optional.of(likelihood + " needs data in [0, 1]; this dataset's values are " + shape.range());
    }
}
