package org.vaelab.plugins.data.table;

import java.util.ArrayList;
import java.util.List;
import org.vaelab.spi.data.ValueRange;

/**
 * How each feature column is scaled. The statistics come from the training split only and are
 * applied unchanged to validation and test, so no information leaks from the held-out rows
 * (Hastie, Tibshirani and Friedman 2009, "The Elements of Statistical Learning", section 7.10.2).
 */
public enum Scaling {

    /**
     * Subtract the training mean and divide by the training standard deviation (population form,
     * dividing by n, as scikit-learn's {@code StandardScaler}); a constant column is only centred.
     */
    STANDARDIZE(ValueRange.REAL),

    /**
     * Map the training minimum to 0 and maximum to 1; validation and test values beyond the training
     * range are clipped to [0, 1] so every split lies in the declared unit interval. A constant
     * column becomes 0.
     */
    MINMAX(ValueRange.UNIT_INTERVAL),

    /** Values as they are. */
    NONE(ValueRange.REAL);

    private final ValueRange range;

    Scaling(ValueRange range) {
        this.range = range;
    }

    /** The values scaled features take. */
    public ValueRange range() {
        return range;
    }

    /**
     * Fits the scaling to the first {@code rows} rows of {@code values}, row-major with one value
     * per column.
     */
    public ColumnScaling fit(List<String> columns, double[] values, int rows) {
        int width = columns.size();
        List<Double> offsets = new ArrayList<>(width);
        List<Double> scales = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            double[] fitted = fitColumn(values, rows, width, j);
            offsets.add(fitted[0]);
            scales.add(fitted[1] > 0 ? fitted[1] : 1.0);
        }
        return new ColumnScaling(this, columns, offsets, scales);
    }

    /** The offset and the scale (0 for a constant column) of column {@code j}. */
    private double[] fitColumn(double[] values, int rows, int width, int j) {
        return switch (this) {
            case STANDARDIZE -> meanAndDeviation(values, rows, width, j);
            case MINMAX -> minAndRange(values, rows, width, j);
            case NONE -> new double[] {0, 1};
        };
    }

    private static double[] meanAndDeviation(double[] values, int rows, int width, int j) {
        double[] minAndRange = minAndRange(values, rows, width, j);
        if (minAndRange[1] == 0) {
            // Exactly constant: summing would leave a rounding error to divide by.
            return minAndRange;
        }
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += values[i * width + j];
        }
        double mean = sum / rows;
        double squares = 0;
        for (int i = 0; i < rows; i++) {
            double deviation = values[i * width + j] - mean;
            squares += deviation * deviation;
        }
        return new double[] {mean, Math.sqrt(squares / rows)};
    }

    private static double[] minAndRange(double[] values, int rows, int width, int j) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows; i++) {
            min = Math.min(min, values[i * width + j]);
            max = Math.max(max, values[i * width + j]);
        }
        return new double[] {min, max - min};
    }
}
