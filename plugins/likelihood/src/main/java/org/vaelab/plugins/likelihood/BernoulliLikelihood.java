package org.vaelab.plugins.likelihood;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * Independent Bernoulli values parameterised by logits l:
 * {@code log p(x|l) = sum_i x_i l_i - softplus(l_i)}, with the stable
 * {@code softplus(l) = max(l, 0) + log(1 + exp(-|l|))} (Kingma and Welling 2014, appendix C.1),
 * {@code max(l, 0)} written as {@code (l + |l|) / 2} so its gradient at 0 is 1/2 (ND4J's relu and
 * abs both have derivative 0 there).
 *
 * <p>Written out rather than through SameDiff's sigmoid cross-entropy loss op, which does not
 * pass gradients to anything computed after it. On grey-level data in [0, 1] this is the usual
 * cross-entropy objective, not a normalised density; the continuous Bernoulli of
 * Loaiza-Ganem and Cunningham 2019 adds the missing constant.
 */
final class BernoulliLikelihood implements Likelihood {

    @Override
    public int parametersPerValue() {
        return 1;
    }

    @Override
    public SDVariable logProbability(SameDiff sd, SDVariable x, SDVariable logits) {
        SDVariable absolute = sd.math().abs(logits);
        SDVariable softplus = logits.add(absolute).mul(0.5).add(sd.math().log1p(sd.math().exp(absolute.neg())));
        return x.mul(logits).sub(softplus).sum(1);
    }

    @Override
    public SDVariable mean(SameDiff sd, SDVariable logits) {
        return sd.nn().sigmoid(logits);
    }

    @Override
    public Optional<String> incompatibility(DataShape shape) {
        return shape.range().within(ValueRange.UNIT_INTERVAL)
                ? Optional.empty()
                : Optional.of("bernoulli needs data in [0, 1]; this dataset's values are " + shape.range());
    }
}
