package org.vaelab.core.train;

import java.util.Collection;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between ND4J's native FLOAT arrays and Java arrays, one memory copy each way: the
 * hand-derived passes do their element-wise work on Java arrays, where a loop costs a few
 * microseconds, and leave only the matrix products to ND4J.
 */
public final class HostArrays {

    private HostArrays() {
    }

    /**
     * Frees the native memory of {@code arrays} now instead of when the heap is next collected: a
     * training run makes native garbage far faster than heap garbage, which left to the collector
     * piles up between collections (docs/performance.md). Views and arrays ND4J does not let go of
     * are left alone.
     */
    public static void free(Collection<INDArray> arrays) {
        for (INDArray array : arrays) {
            if (array.closeable()) {
                array.close();
            }
        }
    }

    /**
     * A new {@code [rows, columns]} FLOAT array holding the first {@code rows * columns} values of
     * {@code values}, row by row, in one memory copy ({@code Nd4j.create(float[], ...)} copies value
     * by value, which took a tenth of a dense training step).
     */
    public static INDArray matrix(float[] values, int rows, int columns) {
        INDArray matrix = Nd4j.createUninitialized(DataType.FLOAT, rows, columns);
        pointer(matrix).put(values, 0, Math.multiplyExact(rows, columns));
        return matrix;
    }

    /** Copies the values of {@code from} into the start of {@code to}, row by row. */
    static float[] read(INDArray from, float[] to) {
        INDArray dense = isDense(from) ? from : from.castTo(DataType.FLOAT).dup('c');
        pointer(dense).get(to, 0, (int) dense.length());
        return to;
    }

    /** Copies the first {@code to.length()} values of {@code from} into {@code to}, a dense row-major FLOAT array that is no view. */
    static INDArray write(float[] from, INDArray to) {
        pointer(to).put(from, 0, (int) to.length());
        return to;
    }

    /** Copies {@code count} values of {@code from}, a dense row-major FLOAT array that is no view, from index {@code start}. */
    static float[] read(INDArray from, long start, int count, float[] to) {
        pointer(from).position(start).get(to, 0, count);
        return to;
    }

    /** Copies the first {@code count} values of {@code from} into {@code to}, a dense row-major FLOAT array that is no view, at index {@code start}. */
    static void write(float[] from, int count, INDArray to, long start) {
        pointer(to).position(start).put(from, 0, count);
    }

    private static boolean isDense(INDArray array) {
        return array.dataType() == DataType.FLOAT && !array.isView() && array.ordering() == 'c' && array.data().offset() == 0;
    }

    private static FloatPointer pointer(INDArray array) {
        if (!isDense(array)) {
            throw new IllegalArgumentException("expected a dense row-major FLOAT array, got " + array.shapeInfoToString());
        }
        return new FloatPointer(array.data().addressPointer()).position(0);
    }
}
