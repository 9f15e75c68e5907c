package org.vaelab.plugins.data.table;

import org.vaelab.spi.InvalidConfigException;

/**
 * How many of a dataset's rows go to each split: {@code round(rows * validation_fraction)} to
 * validation, {@code round(rows * test_fraction)} to test, the rest to training.
 *
 * @param train the number of training rows, possibly 0 when the fractions take every row
 * @param validation the number of validation rows
 * @param test the number of test rows
 */
public record SplitSizes(int train, int validation, int test) {

    public SplitSizes {
        if (train < 0 || validation < 0 || test < 0) {
            throw new IllegalArgumentException("negative split size: " + train + ", " + validation + ", " + test);
        }
    }

    /**
     * The sizes for {@code rows} rows; the fractions must satisfy {@link #requireTrainingShare}, so
     * the training split is never negative (it may be 0 for very few rows).
     */
    public static SplitSizes of(int rows, double validationFraction, double testFraction) {
        int validation = (int) Math.round(rows * validationFraction);
        int test = (int) Math.round(rows * testFraction);
        return new SplitSizes(rows - validation - test, validation, test);
    }

    /**
     * The cross-field rule of every configuration with {@code validation_fraction} and
     * {@code test_fraction}: together they must leave a share of the rows to train on.
     *
     * @throws InvalidConfigException about {@code test_fraction} if they add up to 1 or more
     */
    public static void requireTrainingShare(double validationFraction, double testFraction) {
        if (validationFraction + testFraction >= 1) {
            throw new InvalidConfigException("test_fraction", "validation_fraction (" + validationFraction
                    + ") + test_fraction (" + testFraction + ") must be below 1 to leave examples to train on");
        }
    }

    /** The number of rows of all three splits. */
    public int total() {
        return train + validation + test;
    }
}
