package org.vaelab.plugins.data.hdf5;

import java.lang.reflect.Array;
import java.util.List;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.ValueRange;

/**
 * The examples of one HDF5 dataset in memory: grey levels as unsigned bytes, one array per
 * example, or values as floats, row-major.
 *
 * @param dims the dimensions of one example, {@code [C, H, W]} or {@code [D]}
 * @param values a {@code byte[][]} of levels (read as b/255), one row per example, or a
 *     {@code float[]} of {@code count * width} values
 * @param range the values the examples take
 */
record ExampleArray(List<Integer> dims, Object values, ValueRange range) {

    /** The number of values of one example. */
    int width() {
        return dims.stream().reduce(1, Math::multiplyExact);
    }

    /** The number of examples. */
    int count() {
        return values instanceof byte[][] rows ? rows.length : Array.getLength(values) / width();
    }

    /** Examples {@code indices}, in that order, with their labels (or null), kept as this array keeps them. */
    DataSplit rows(int[] indices, int[] labels) {
        int width = width();
        int[] partLabels = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length && labels != null; i++) {
            partLabels[i] = labels[indices[i]];
        }
        if (values instanceof byte[][] rows) {
            byte[][] part = new byte[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                part[i] = rows[indices[i]];
            }
            return DataSplit.ofByteRows(part, partLabels, width);
        }
        float[] part = new float[Math.multiplyExact(indices.length, width)];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * width, part, i * width, width);
        }
        return new DataSplit(part, partLabels, width);
    }
}
