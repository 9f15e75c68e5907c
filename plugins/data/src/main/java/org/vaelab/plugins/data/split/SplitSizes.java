package org.vaelab.plugins.data.split;

import java.util.Optional;
import org.vaelab.spi.InvalidConfigException;

/**
 * How many of a dataset's examples go to each split when one set of examples is split three ways:
 * {@code validation} and {@code test} (each a {@link SplitSize} of all the examples) are held out,
 * the rest trains.
 *
 * @param train the number of training examples, at least 1
 * @param validation the number of validation examples
 * @param test the number of test examples
 */
public record SplitSizes(int train, int validation, int test) {

    public SplitSizes {
        if (train <= 0 || validation < 0 || test < 0) {
            throw new IllegalArgumentException("split sizes must leave examples to train on: " + train + ", "
                    + validation + ", " + test);
        }
    }

    /**
     * The sizes for {@code examples} examples, or empty when {@code validation} and {@code test}
     * leave none of them to train on.
     */
    public static Optional<SplitSizes> of(int examples, SplitSize validation, SplitSize test) {
        long heldOut = (long) validation.of(examples) + test.of(examples);
        return heldOut >= examples ? Optional.empty()
                : Optional.of(new SplitSizes((int) (examples - heldOut), validation.of(examples), test.of(examples)));
    }

    /**
     * The cross-field rule of every configuration with {@code validation} and {@code test}: two
     * fractions must add up to less than 1, to leave a share of the examples to train on (counts
     * are checked against the examples once they are known).
     *
     * @throws InvalidConfigException about {@code test} if two fractions add up to 1 or more
     */
    public static void requireTrainingShare(SplitSize validation, SplitSize test) {
        if (validation.isFraction() && test.isFraction() && validation.reachesAllWith(test)) {
            throw new InvalidConfigException("test", "validation (" + validation + ") + test (" + test
                    + ") must be below 1 to leave examples to train on");
        }
    }

    /** The number of examples of all three splits. */
    public int total() {
        return train + validation + test;
    }
}
