package org.vaelab.plugins.likelihood;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Building blocks that more than one likelihood's graph uses, safe at the edges of their inputs. */
final class StableMath {

    private StableMath() {
    }

    /**
     * {@code softplus(t) = log(1 + exp(t))} as {@code max(t, 0) + log1p(exp(-|t|))}, which never
     * exponentiates a positive number (Kingma and Welling 2014, appendix C.1), with
     * {@code max(t, 0)} written {@code t/2 + |t|/2} so that the derivative at 0 is the true
     * {@code sigmoid(0) = 1/2} (ND4J's relu and abs both take derivative 0 there) and no sum
     * overflows for {@code |t|} near the largest float.
     */
    static SDVariable softplus(SameDiff sd, SDVariable t) {
        SDVariable absolute = sd.math().abs(t);
        return t.mul(0.5).add(absolute.mul(0.5)).add(sd.math().log1p(sd.math().exp(absolute.neg())));
    }
}
