package org.vaelab.plugins.likelihood;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.likelihood.Likelihood;

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

    /**
     * Refuses data outside [0, 1], and dequantized data: a Bernoulli is a probability of binary
     * values, not a density, so its "ELBO" on dequantized grey levels would give a bits-per-dimension
     * figure that bounds nothing.
     */
    @Override
    public Optional<String> incompatibility(DataShape shape) {
        if (shape.isDequantized()) {
            return Optional.of("bernoulli is a probability of binary values, not a density, so it does not model "
                    + "dequantized data (data.dequantize: uniform); use a density on [0, 1] such as "
                    + "continuous_bernoulli, or gaussian or laplace, or leave dequantize out");
        }
        return unitIntervalOnly("bernoulli", shape);
    }

    /**
     * {@code x l - softplus(l)} value by value, {@code [batch, D]}: log sigmoid(l) at x = 1, log sigmoid(-l) at x = 0.
     */
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
