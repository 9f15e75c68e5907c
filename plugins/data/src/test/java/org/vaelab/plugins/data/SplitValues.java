package org.vaelab.plugins.data;

import org.vaelab.spi.data.DataSplit;

/** Reads a split's values and labels back into arrays, and summarises columns of values. */
public final class SplitValues {

    private SplitValues() {
    }

    /** All values of a split, row-major. */
    public static float[] features(DataSplit split) {
        return features(split, 0, split.size());
    }

    /** The values of examples {@code [from, to)} of a split, row-major. */
    public static float[] features(DataSplit split, int from, int to) {
        float[] values = new float[(to - from) * split.width()];
        for (int i = from; i < to; i++) {
            split.copyRow(i, values, i - from);
        }
        return values;
    }

    /** All labels of a split. */
    public static int[] labels(DataSplit split) {
        int[] labels = new int[split.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = split.label(i).orElseThrow();
        }
        return labels;
    }

    /** The mean and the population standard deviation of one column of rows of {@code width} values. */
    public static double[] meanAndDeviation(float[] rows, int width, int column) {
        int count = rows.length / width;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += rows[i * width + column];
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            squares += (rows[i * width + column] - mean) * (rows[i * width + column] - mean);
        }
        return new double[] {mean, Math.sqrt(squares / count)};
    }
}
