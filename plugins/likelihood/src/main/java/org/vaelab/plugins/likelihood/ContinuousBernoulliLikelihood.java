package org.vaelab.plugins.likelihood;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * The continuous Bernoulli of Loaiza-Ganem and Cunningham 2019 ("The continuous Bernoulli: fixing
 * a pervasive error in variational autoencoders", NeurIPS): the normalised density on [0, 1]
 * proportional to {@code lambda^x (1 - lambda)^(1 - x)}, parameterised by the logit l of
 * {@code lambda = sigmoid(l)}. Per value (their section 3)
 * {@code log p(x|l) = x l - softplus(l) + log C(lambda)},
 * {@code C(lambda) = 2 artanh(1 - 2 lambda) / (1 - 2 lambda)} for {@code lambda != 1/2} and 2 at 1/2:
 * the Bernoulli cross-entropy of {@link BernoulliLikelihood} plus the log normalising constant.
 * Equivalently {@code p(x|l) = exp(l x) / integral_0^1 exp(l t) dt}.
 *
 * <p>Everything is computed from l, never from lambda, which rounds to 0 or 1 for large |l|.
 * Since {@code 1 - 2 sigmoid(l) = -tanh(l/2)}, {@code artanh(1 - 2 lambda) = -l/2} and
 * {@code C = l / tanh(l/2)}, an even function of l. With {@code a = |l|} the closed form is
 * {@code log C = log1p(exp(-a)) - log((1 - exp(-a)) / a)}, which never exponentiates a positive
 * number (for large a it tends to {@code log a}); near 0 it is 0/0 and loses accuracy, so there the
 * series {@code log C = log 2 + l^2/12 - 7 l^4/1440 + 31 l^6/90720 - 127 l^8/4838400} (from
 * {@code log(y coth y) = y^2/3 - 7 y^4/90 + ...} at {@code y = l/2}, with Bernoulli-number
 * coefficients; it converges for {@code |l| < pi}) is used.
 *
 * <p>The mean (their section 3) is {@code lambda/(2 lambda - 1) + 1/(2 artanh(1 - 2 lambda))}, in l
 * {@code 1/(1 - exp(-l)) - 1/l = 1/2 + h(l)} with the odd {@code h(l) = coth(l/2)/2 - 1/l}: the closed
 * form {@code sign(l) (1/(1 - exp(-a)) - 1/a - 1/2)}, which cancels near 0, and the series
 * {@code h = l/12 - l^3/720 + l^5/30240 - ...} there (1/2 + l/12 to first order).
 *
 * <p>Where the series takes over depends on the precision: ND4J 1.0.0-M2.1 computes
 * {@code expm1(t)} as {@code exp(t) - 1}, so the closed forms lose about {@code eps/a^2} (the
 * gradient of log C and the mean), and the switch sits where that equals the series' truncation
 * error: at {@code |l| = 0.5} in float (both errors under 3e-7) and 0.06 in double (under 5e-14).
 * Each branch is fed only arguments where it is finite, so no infinity or NaN from the unused
 * branch reaches a value or a gradient.
 */
final class ContinuousBernoulliLikelihood implements Likelihood {

    @Override
    public int parametersPerValue() {
        return 1;
    }

    @Override
    public SDVariable logProbability(SameDiff sd, SDVariable x, SDVariable logits) {
        SDVariable perValue = BernoulliLikelihood.logMassPerValue(sd, x, logits).add(logNormaliser(sd, logits));
        return RowSums.of(sd, perValue, x);
    }

    @Override
    public SDVariable mean(SameDiff sd, SDVariable logits) {
        SDVariable minusHalf = piecewise(sd, logits,
                l -> {
                    SDVariable square = sd.math().square(l);
                    return square.div(30240.0).sub(1.0 / 720).mul(square).add(1.0 / 12).mul(l);
                },
                a -> sd.math().expm1(a.neg()).neg().rdiv(1.0).sub(a.rdiv(1.0)).sub(0.5).mul(sd.math().sign(logits)));
        return minusHalf.add(0.5);
    }

    @Override
    public Optional<String> incompatibility(DataShape shape) {
        return BernoulliLikelihood.unitIntervalOnly("continuous_bernoulli", shape);
    }

    /** log C per value, {@code [batch, D]}. */
    private static SDVariable logNormaliser(SameDiff sd, SDVariable logits) {
        return piecewise(sd, logits,
                l -> {
                    SDVariable square = sd.math().square(l);
                    return square.mul(-127.0 / 4838400).add(31.0 / 90720).mul(square).sub(7.0 / 1440).mul(square)
                            .add(1.0 / 12).mul(square).add(Math.log(2));
                },
                a -> sd.math().log1p(sd.math().exp(a.neg()))
                        .sub(sd.math().log(sd.math().expm1(a.neg()).neg().div(a))));
    }

    /**
     * {@code series(l)} where {@code |l|} is below the precision's threshold, else
     * {@code closedForm(|l|)}. The series sees l zeroed where it is not used, the closed form |l|
     * raised by the threshold where it is not used, so both stay finite everywhere; the mask that
     * picks one carries no gradient.
     */
    private static SDVariable piecewise(SameDiff sd, SDVariable logits, UnaryOperator<SDVariable> series,
                                        UnaryOperator<SDVariable> closedForm) {
        double threshold = logits.dataType() == DataType.DOUBLE ? 0.06 : 0.5;
        SDVariable absolute = sd.math().abs(logits);
        SDVariable useSeries = sd.lt(absolute, threshold).castTo(logits.dataType());
        SDVariable near = series.apply(logits.mul(useSeries));
        SDVariable far = closedForm.apply(absolute.add(useSeries.mul(threshold)));
        return near.mul(useSeries).add(far.mul(useSeries.rsub(1.0)));
    }
}
