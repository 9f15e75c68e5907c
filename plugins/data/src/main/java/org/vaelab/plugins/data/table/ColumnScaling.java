package org.vaelab.plugins.data.table;

import java.util.List;

/**
 * A scaling fitted to the training split: feature {@code j} becomes
 * {@code (value - offsets[j]) / scales[j]}, clipped to [0, 1] for {@link Scaling#MINMAX}. This is
 * what a run must keep to map new data, or the model's samples, to and from the units of the
 * source.
 *
 * @param method how the offsets and scales were fitted
 * @param columns the source's name of each feature column
 * @param offsets the value subtracted from each column (the training mean or minimum; 0 for none)
 * @param scales the positive divisor of each column (the training standard deviation or range,
 *     1 for a constant column or none)
 */
public record ColumnScaling(Scaling method, List<String> columns, List<Double> offsets, List<Double> scales) {

    public ColumnScaling {
        columns = List.copyOf(columns);
        offsets = List.copyOf(offsets);
        scales = List.copyOf(scales);
        if (offsets.size() != columns.size() || scales.size() != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " columns, " + offsets.size() + " offsets and "
                    + scales.size() + " scales");
        }
        if (scales.stream().anyMatch(scale -> !(scale > 0))) {
            throw new IllegalArgumentException("scales must be positive, got " + scales);
        }
    }

    /** Scales rows {@code [from, to)} of {@code values}, row-major with one value per column. */
    public float[] apply(double[] values, int from, int to) {
        int width = columns.size();
        double[] offset = offsets.stream().mapToDouble(Double::doubleValue).toArray();
        double[] scale = scales.stream().mapToDouble(Double::doubleValue).toArray();
        boolean clip = method == Scaling.MINMAX;
        float[] scaled = new float[(to - from) * width];
        for (int i = 0; i < scaled.length; i++) {
            int j = i % width;
            double value = (values[from * width + i] - offset[j]) / scale[j];
            scaled[i] = (float) (clip ? Math.min(1, Math.max(0, value)) : value);
        }
        return scaled;
    }
}
