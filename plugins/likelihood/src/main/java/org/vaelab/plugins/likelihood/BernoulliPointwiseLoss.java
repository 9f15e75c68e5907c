package org.vaelab.plugins.likelihood;

import org.vaelab.spi.likelihood.PointwiseLoss;

/**
 * The Bernoulli likelihood's {@link PointwiseLoss}: {@code sum_i softplus(l_i) - x_i l_i} in the
 * stable form {@code max(l, 0) + log(1 + e) - x l} with {@code e = exp(-|l|)} (Kingma and Welling
 * 2014, appendix C.1), and its derivative {@code sigmoid(l_i) - x_i}, where {@code sigmoid(l)} is
 * {@code 1 / (1 + e)} for {@code l >= 0} and {@code e / (1 + e)} below: the graph's
 * {@link BernoulliLikelihood#logProbability} negated, on plain arrays.
 *
 * <p>One {@code exp} per value, then loops without branches or loop-carried sums, which the JIT
 * vectorises: {@code log(1 + e) = 2 atanh(e / (2 + e))} by its odd series (nine terms, float
 * precision for e in [0, 1]), each value's loss into an array of this object's, summed afterwards
 * in four running sums.
 */
final class BernoulliPointwiseLoss implements PointwiseLoss {

    private float[] losses = new float[0];

    @Override
    public double negativeLogLikelihood(float[] x, float[] logits, float[] gradient, int count) {
        if (losses.length < count) {
            losses = new float[count];
        }
        for (int i = 0; i < count; i++) {
            gradient[i] = (float) Math.exp(-Math.abs(logits[i]));
        }
        for (int i = 0; i < count; i++) {
            float l = logits[i];
            float e = gradient[i];
            float absolute = Math.abs(l);
            losses[i] = (l + absolute) * 0.5f + log1pOfUnitInterval(e) - x[i] * l;
            float atLeastZero = 1 / (1 + e);
            float positive = (l + absolute) / (2 * absolute + Float.MIN_NORMAL);
            gradient[i] = positive * atLeastZero + (1 - positive) * e * atLeastZero - x[i];
        }
        return sum(losses, count);
    }

    /** {@code log(1 + e)} for e in [0, 1], as {@code 2 (s + s^3/3 + ... + s^17/17)} with {@code s = e / (2 + e) <= 1/3}. */
    private static float log1pOfUnitInterval(float e) {
        float s = e / (2 + e);
        float t = s * s;
        return 2 * s * (1 + t * (1f / 3 + t * (1f / 5 + t * (1f / 7 + t * (1f / 9 + t * (1f / 11 + t * (1f / 13
                + t * (1f / 15 + t * (1f / 17)))))))));
    }

    private static double sum(float[] values, int count) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            s0 += values[i];
            s1 += values[i + 1];
            s2 += values[i + 2];
            s3 += values[i + 3];
        }
        for (; i < count; i++) {
            s0 += values[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
