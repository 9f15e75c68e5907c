package org.vaelab.plugins.data.swissroll;

import org.vaelab.plugins.data.table.SplitSizes;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Configuration of the {@code swiss_roll} dataset.
 *
 * @param n the number of examples of all three splits together
 * @param noise the standard deviation of the Gaussian noise added to each coordinate
 * @param validationFraction the share of the examples in the validation split
 * @param testFraction the share of the examples in the test split
 * @param standardize whether each coordinate is centred and scaled by the training split's mean and
 *     standard deviation
 */
public record SwissRollConfig(
        @Param(value = "Examples generated, all three splits together", defaultValue = "10000", min = 10)
        int n,
        @Param(value = "Standard deviation of the Gaussian noise added to x, y and z (before standardising)",
                defaultValue = "0.05", min = 0)
        double noise,
        @Param(value = "Share of the examples held out for validation", defaultValue = "0.1", min = 0, max = 1)
        double validationFraction,
        @Param(value = "Share of the examples held out for testing", defaultValue = "0.1", min = 0, max = 1)
        double testFraction,
        @Param(value = "Centre and scale x, y and z by the mean and standard deviation of the training split "
                + "(applied unchanged to validation and test)", defaultValue = "true")
        boolean standardize) {

    public SwissRollConfig {
        SplitSizes.requireTrainingShare(validationFraction, testFraction);
        if (SplitSizes.of(n, validationFraction, testFraction).train() == 0) {
            throw new InvalidConfigException("n", "validation_fraction (" + validationFraction + ") and test_fraction ("
                    + testFraction + ") leave none of the " + n + " examples to train on");
        }
    }
}
