package org.vaelab.plugins.data.swissroll;

import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Configuration of the {@code swiss_roll} dataset.
 *
 * @param n the number of examples of all three splits together
 * @param noise the standard deviation of the Gaussian noise added to each coordinate
 * @param validation how many of the examples form the validation split: a count or a fraction
 * @param test how many of the examples form the test split: a count or a fraction
 * @param standardize whether each coordinate is centred and scaled by the training split's mean and
 *     standard deviation
 */
public record SwissRollConfig(
        @Param(value = "Examples generated, all three splits together", defaultValue = "10000", min = 10)
        int n,
        @Param(value = "Standard deviation of the Gaussian noise added to x, y and z (before standardising)",
                defaultValue = "0.05", min = 0)
        double noise,
        @Param(value = "Examples held out for validation: a count (0 for none) or a fraction of n (0.1, 1/12)",
                defaultValue = "0.1")
        SplitSize validation,
        @Param(value = "Examples held out for testing: a count or a fraction of n (0.1, 1/12)", defaultValue = "0.1")
        SplitSize test,
        @Param(value = "Centre and scale x, y and z by the mean and standard deviation of the training split "
                + "(applied unchanged to validation and test)", defaultValue = "true")
        boolean standardize) {

    public SwissRollConfig {
        SplitSizes.requireTrainingShare(validation, test);
        if (SplitSizes.of(n, validation, test).isEmpty()) {
            throw new InvalidConfigException("n", "validation (" + validation + ") and test (" + test
                    + ") leave none of the " + n + " examples to train on");
        }
    }
}
