package org.vaelab.plugins.data.table;

import java.util.Arrays;
import java.util.List;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;

/**
 * The three splits of a table of feature rows and the scaling fitted to its training split.
 *
 * @param splits the scaled splits, shaped {@code [columns]}
 * @param scaling the scaling fitted to the training rows and applied to all three splits
 */
public record ScaledSplits(DataSplits splits, ColumnScaling scaling) {

    /**
     * Splits rows in the order given: the first {@code sizes.train()} rows train, the next
     * {@code sizes.validation()} validate and the last {@code sizes.test()} test.
     *
     * @param columns the name of each column
     * @param values {@code sizes.total() * columns.size()} values, row-major
     * @param labels one class id per row, or null when the table has no labels
     * @param classes the number of classes, 0 without labels
     */
    public static ScaledSplits of(List<String> columns, double[] values, int[] labels, int classes,
                                  SplitSizes sizes, Scaling scaling) {
        int width = columns.size();
        if (values.length != sizes.total() * width) {
            throw new IllegalArgumentException(values.length + " values for " + sizes + " rows of " + width);
        }
        ColumnScaling fitted = scaling.fit(columns, values, sizes.train());
        int validationStart = sizes.train();
        int testStart = validationStart + sizes.validation();
        DataSplits splits = new DataSplits(
                split(fitted, values, labels, 0, validationStart),
                split(fitted, values, labels, validationStart, testStart),
                split(fitted, values, labels, testStart, sizes.total()),
                new DataShape(List.of(width), scaling.range(), classes),
                BatchTransform.IDENTITY);
        return new ScaledSplits(splits, fitted);
    }

    private static DataSplit split(ColumnScaling scaling, double[] values, int[] labels, int from, int to) {
        return new DataSplit(scaling.apply(values, from, to),
                labels == null ? null : Arrays.copyOfRange(labels, from, to), scaling.columns().size());
    }
}
