package org.vaelab.plugins.data.hdf5;

import java.lang.reflect.Array;
import java.util.List;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.ValueRange;

/**
 * The examples of one HDF5 dataset in memory, row-major: grey levels as unsigned bytes or values
 * as floats.
 *
 * @param dims the dimensions of one example, {@code [C, H, W]} or {@code [D]}
 * @param values a {@code byte[]} of levels (read as b/255) or a {@code float[]}, {@code count * width} long
 * @param range the values the examples take
 */
record ExampleArray(List<Integer> dims, Object values, ValueRange range) {

    /** The number of values of one example. */
    int width() {
        return dims.stream().reduce(1, Math::multiplyExact);
    }

    /** The number of examples. */
    int count() {
        return Array.getLength(values) / width();
    }

    /** Examples {@code indices}, in that order, with their labels (or null), kept as this array keeps them. */
    DataSplit rows(int[] indices, int[] labels) {
        int width = width();
        Object part = Array.newInstance(values.getClass().getComponentType(), indices.length * width);
        int[] partLabels = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * width, part, i * width, width);
            if (labels != null) {
                partLabels[i] = labels[indices[i]];
            }
        }
        return part instanceof byte[] levels ? DataSplit.ofBytes(levels, partLabels, width)
                : new DataSplit((float[]) part, partLabels, width);
    }
}
