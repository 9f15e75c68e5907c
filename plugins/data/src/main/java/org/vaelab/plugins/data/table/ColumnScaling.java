package org.vaelab.plugins.data.table;

import java.util.List;
import java.util.Locale;
import org.vaelab.spi.InvalidInputException;

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

    /**
     * Scales rows {@code [from, to)} of {@code values}, row-major with one value per column.
     *
     * @throws InvalidInputException when a value scales beyond 32-bit floating point, in which the
     *     model trains: a held-out value very far from a training column of tiny spread
     */
    public float[] apply(double[] values, int from, int to) {
        int width = columns.size();
        double[] offset = offsets.stream().mapToDouble(Double::doubleValue).toArray();
        double[] scale = scales.stream().mapToDouble(Double::doubleValue).toArray();
        boolean clip = method == Scaling.MINMAX;
        float[] scaled = new float[(to - from) * width];
        for (int i = 0; i < scaled.length; i++) {
            int j = i % width;
            double raw = values[from * width + i];
            double value = (raw - offset[j]) / scale[j];
            scaled[i] = (float) (clip ? Math.min(1, Math.max(0, value)) : value);
            if (Float.isInfinite(scaled[i])) {
                throw new InvalidInputException(String.format(Locale.ROOT, "column '%s': the value %s scales to %s "
                        + "(offset %s, scale %s, fitted to the training rows by scaling: %s), beyond 32-bit floating "
                        + "point (+-%s), in which the model trains; use scaling: minmax, or check the column",
                        columns.get(j), raw, value, offset[j], scale[j], method.name().toLowerCase(Locale.ROOT),
                        Float.MAX_VALUE));
            }
        }
        return scaled;
    }
}
