package org.vaelab.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.data.DataSplit;

/**
 * Consecutive examples of a split as the {@code [rows, width]} FLOAT array a graph's {@code x}
 * takes, and their labels.
 */
public final class SplitRows {

    private SplitRows() {
    }

    /** Examples {@code [start, start + rows)} of {@code split}. */
    public static INDArray of(DataSplit split, int start, int rows) {
        float[] values = new float[rows * split.width()];
        for (int r = 0; r < rows; r++) {
            split.copyRow(start + r, values, r);
        }
        return HostArrays.matrix(values, rows, split.width());
    }

    /** The labels of examples {@code [start, start + rows)} of {@code split}, or null when it has none. */
    public static int[] labels(DataSplit split, int start, int rows) {
        if (!split.hasLabels()) {
            return null;
        }
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = split.label(start + r).orElseThrow();
        }
        return labels;
    }
}
