package org.vaelab.core.train;

import java.util.Collection;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between ND4J's native FLOAT arrays and Java arrays, one memory copy each way: batches and
 * noise are assembled in Java arrays and handed to ND4J whole, and {@link HostAdam} updates
 * parameters in Java arrays, where its loop vectorises.
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
     * by value, which took a tenth of a training step).
     */
    public static INDArray matrix(float[] values, int rows, int columns) {
        INDArray matrix = Nd4j.createUninitialized(DataType.FLOAT, rows, columns);
        write(values, Math.multiplyExact(rows, columns), matrix, 0);
        return matrix;
    }

    /**
     * Copies {@code count} values of {@code from}, a dense row-major FLOAT array that is no view, from index
     * {@code start}.
     */
    static float[] read(INDArray from, long start, int count, float[] to) {
        Nd4j.getAffinityManager().ensureLocation(from, AffinityManager.Location.HOST);
        pointer(from).position(start).get(to, 0, count);
        return to;
    }

    /**
     * Copies the first {@code count} values of {@code from} into {@code to}, a dense row-major FLOAT
     * array that is no view, at index {@code start}.
     */
    static void write(float[] from, int count, INDArray to, long start) {
        Nd4j.getAffinityManager().ensureLocation(to, AffinityManager.Location.HOST);
        pointer(to).position(start).put(from, 0, count);
        Nd4j.getAffinityManager().tagLocation(to, AffinityManager.Location.HOST);
    }

    /**
     * The host memory of {@code array}. On the CPU that is where ND4J keeps it; on CUDA the callers
     * bring the host copy up to date first ({@code ensureLocation}) and, after writing it, mark it
     * as the newer copy ({@code tagLocation}), so that ND4J copies it to the device before an op
     * reads it there.
     */
    private static FloatPointer pointer(INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.isView() || array.ordering() != 'c'
                || array.data().offset() != 0) {
            throw new IllegalArgumentException("expected a dense row-major FLOAT array, got "
                    + array.shapeInfoToString());
        }
        return new FloatPointer(array.data().addressPointer()).position(0);
    }
}
