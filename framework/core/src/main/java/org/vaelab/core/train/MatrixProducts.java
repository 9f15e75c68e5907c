package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The matrix products of a compiled graph, cut into pieces that two threads can run at once: a
 * product {@code z = x y} into the products of x's top and bottom rows, and its backward op
 * ({@code dx = dz y^T}, {@code dy = x^T dz}) into those two products, each again in halves: dx by
 * the rows of dz, dy by its own rows (x's columns). Without the last cut, the first layer's weight
 * gradient, the backward pass's last product, ran on one thread while the other had nothing left to
 * do (docs/performance.md).
 *
 * <p>The cut is fixed by the shapes alone, never by the number of threads: each piece is one
 * single-threaded product of the same rows, each value of it a sum over the same terms as in the
 * whole product, so the result is the same digits however many threads run the pieces, in whatever
 * order. A backward op leaves out the product of a gradient nothing
 * reads: the gradient of the data that the first layer multiplies, a sixth of an MLP's
 * multiply-adds, is computed by ND4J's op but by no piece.
 */
final class MatrixProducts {

    /** Products smaller than this many multiply-adds stay whole: a piece would cost more to hand over than to run. */
    static final long SPLIT_AT = 1L << 20;

    private static final String PRODUCT = "matmul";
    private static final String PRODUCT_BACKWARD = "matmul_bp";

    private MatrixProducts() {
    }

    /**
     * The pieces of {@code op}, run on {@code inputs} into {@code outputs} (allocated), of which only
     * those where {@code read} is true are read later, or an empty list when the op is not a plain
     * two-dimensional product (no transposes, no scaling), or is a forward product too small to cut.
     */
    static List<Piece> pieces(DynamicCustomOp op, INDArray[] inputs, INDArray[] outputs, boolean[] read) {
        if (!plain(op, inputs)) {
            return List.of();
        }
        if (op.opName().equals(PRODUCT) && inputs.length == 2 && size(inputs[0], inputs[1]) >= SPLIT_AT) {
            List<Piece> pieces = new ArrayList<>();
            for (long[] rows : halves(inputs[0].rows())) {
                pieces.add(new Piece(product(rows(inputs[0], rows), inputs[1], false, false, rows(outputs[0], rows)),
                        new long[][] {rows, Piece.ALL}, new long[][] {rows}, new int[0]));
            }
            return pieces;
        }
        if (op.opName().equals(PRODUCT_BACKWARD) && inputs.length == 3) {
            return backward(inputs[0], inputs[1], inputs[2], outputs, read);
        }
        return List.of();
    }

    /**
     * The pieces of {@code dx = dz y^T} (by row halves when large) and {@code dy = x^T dz}, each only
     * when it is read; an empty list when both are and the product is too small to cut.
     */
    private static List<Piece> backward(INDArray x, INDArray y, INDArray dz, INDArray[] outputs, boolean[] read) {
        boolean large = size(x, y) >= SPLIT_AT;
        if (!large && read[0] && read[1]) {
            return List.of();
        }
        List<Piece> pieces = new ArrayList<>();
        if (read[0]) {
            for (long[] rows : large ? halves(dz.rows()) : new long[][] {{0, dz.rows()}}) {
                pieces.add(new Piece(product(rows(dz, rows), y, false, true, rows(outputs[0], rows)),
                        new long[][] {Piece.ALL, Piece.ALL, rows}, new long[][] {rows, null}, new int[0]));
            }
        }
        if (read[1]) {
            for (long[] rows : large ? halves(x.columns()) : new long[][] {{0, x.columns()}}) {
                pieces.add(new Piece(product(columns(x, rows), dz, true, false, rows(outputs[1], rows)),
                        Piece.rows(3, Piece.ALL), new long[][] {null, rows}, new int[0]));
            }
        }
        return pieces;
    }

    private static boolean plain(DynamicCustomOp op, INDArray[] inputs) {
        for (long flag : op.iArgs()) {
            if (flag != 0) {
                return false;
            }
        }
        double[] scale = op.tArgs();
        if (scale.length > 0 && (scale[0] != 1.0 || scale.length > 1 && scale[1] != 0.0)) {
            return false;
        }
        for (INDArray input : inputs) {
            if (input.rank() != 2 || input.ordering() != 'c') {
                return false;
            }
        }
        return true;
    }

    private static long size(INDArray x, INDArray y) {
        return x.rows() * x.columns() * y.columns();
    }

    /** The top and the bottom half of {@code count} rows. */
    static long[][] halves(long count) {
        return new long[][] {{0, count / 2}, {count / 2, count}};
    }

    private static INDArray rows(INDArray matrix, long[] range) {
        return matrix.get(NDArrayIndex.interval(range[0], range[1]), NDArrayIndex.all());
    }

    private static INDArray columns(INDArray matrix, long[] range) {
        return matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(range[0], range[1]));
    }

    private static Runnable product(INDArray x, INDArray y, boolean transposeX, boolean transposeY, INDArray z) {
        Mmul op = new Mmul();
        OpContext context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(x, y);
        context.setOutputArrays(z);
        context.setIArguments(transposeX ? 1 : 0, transposeY ? 1 : 0, 0);
        context.setTArguments(1.0, 0.0);
        return () -> Nd4j.exec(op, context);
    }
}
