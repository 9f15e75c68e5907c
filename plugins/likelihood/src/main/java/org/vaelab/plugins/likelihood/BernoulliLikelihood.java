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
     * {@code sum_i softplus(l_i) - x_i l_i}, the stable form {@code max(l, 0) + log(1 + exp(-|l|)) - x l}
     * computed in double precision, and its derivative {@code sigmoid(l_i) - x_i}, from the same
     * {@code exp(-|l|)}: the graph's {@link #logProbability} negated, on plain arrays.
     */
    static double negativeLogLikelihood(float[] x, float[] logits, float[] gradient, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double l = logits[i];
            double e = Math.exp(-Math.abs(l));
            sum += Math.max(l, 0) + Math.log(1 + e) - x[i] * l;
            gradient[i] = (float) ((l >= 0 ? 1 / (1 + e) : e / (1 + e)) - x[i]);
        }
        return sum;
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
