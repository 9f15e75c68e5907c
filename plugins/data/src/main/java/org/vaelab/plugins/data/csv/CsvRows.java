package org.vaelab.plugins.data.csv;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The rows of data read from a CSV file, in file order, before splitting and scaling.
 *
 * @param columns the name of each feature column
 * @param values {@code count * columns.size()} feature values, row-major
 * @param labels the class id of each row, or null without a label column
 * @param classes the label of each class id, in order of first appearance in the file
 */
record CsvRows(List<String> columns, double[] values, int[] labels, List<String> classes) {

    /** The number of rows. */
    int count() {
        return values.length / columns.size();
    }

    /** The same rows in a uniformly random order, by the inside-out form of the Fisher-Yates shuffle. */
    CsvRows shuffled(RandomGenerator random) {
        int width = columns.size();
        int[] order = new int[count()];
        for (int i = 0; i < order.length; i++) {
            int j = random.nextInt(i + 1);
            order[i] = order[j];
            order[j] = i;
        }
        double[] shuffledValues = new double[values.length];
        int[] shuffledLabels = labels == null ? null : new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(values, order[i] * width, shuffledValues, i * width, width);
            if (labels != null) {
                shuffledLabels[i] = labels[order[i]];
            }
        }
        return new CsvRows(columns, shuffledValues, shuffledLabels, classes);
    }
}
