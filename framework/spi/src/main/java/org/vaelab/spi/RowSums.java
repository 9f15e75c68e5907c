package org.vaelab.spi;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Row sums of a {@code [batch, n]} SameDiff variable that also work for {@code n = 1}: ND4J
 * 1.0.0-M2.1 throws a NullPointerException when summing over a dimension of size 1, so a zero
 * column (which carries no gradient) is appended first. Use it for every per-example sum over
 * values or latent dimensions.
 */
public final class RowSums {

    private RowSums() {
    }

    /** {@code sum_j x[i, j]} for every row i, shape {@code [batch]}. */
    public static SDVariable of(SameDiff sd, SDVariable x) {
        SDVariable zeros = sd.zerosLike(x.get(SDIndex.all(), SDIndex.interval(0, 1)));
        return sd.concat(1, x, zeros).sum(1);
    }
}
