package org.vaelab.spi;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Row sums of a {@code [batch, n]} SameDiff variable that also work for {@code n = 1}: ND4J
 * 1.0.0-M2.1 throws a NullPointerException when summing over a dimension of size 1, so then a zero
 * column (which carries no gradient) is appended first. Use it for every per-example sum over
 * values or latent dimensions; it costs nothing extra when there are several columns.
 */
public final class RowSums {

    private RowSums() {
    }

    /** {@code sum_j x[i, j]} for every row i, shape {@code [batch]}, for {@code x} of {@code columns} columns. */
    public static SDVariable of(SameDiff sd, SDVariable x, long columns) {
        if (columns > 1) {
            return x.sum(1);
        }
        SDVariable zeros = sd.zerosLike(x.get(SDIndex.all(), SDIndex.interval(0, 1)));
        return sd.concat(1, x, zeros).sum(1);
    }

    /**
     * {@code sum_j x[i, j]} for every row i, where {@code x} has as many columns as {@code like}
     * (a placeholder such as the data, whose width the graph knows); the padded sum when the width
     * is not known.
     */
    public static SDVariable of(SameDiff sd, SDVariable x, SDVariable like) {
        long[] shape = like.getShape();
        return of(sd, x, shape != null && shape.length == 2 ? shape[1] : 1);
    }
}
