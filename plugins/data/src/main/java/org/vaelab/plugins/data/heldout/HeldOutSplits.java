package org.vaelab.plugins.data.heldout;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vaelab.spi.InvalidInputException;

/**
 * Which examples of a pool go to each split. The pool's indices are shuffled with the load seed
 * (the inside-out form of the Fisher-Yates shuffle of Durstenfeld 1964, Knuth's TAOCP vol. 2,
 * section 3.4.2, algorithm P, drawing from {@link SplittableRandom}); the last {@code validation}
 * shuffled indices form the validation split, the {@code test} before them the test split, and the
 * rest the training split. This is the one place the {@code images} and {@code hdf5} datasets turn
 * their counts into splits.
 *
 * @param train the pool indices of the training examples, in shuffled order
 * @param validation the pool indices of the validation examples, in shuffled order
 * @param test the pool indices of the test examples, in shuffled order; empty when the test
 *     examples come from elsewhere
 */
public record HeldOutSplits(int[] train, int[] validation, int[] test) {

    /**
     * The splits of a pool of {@code poolSize} examples.
     *
     * @param validation how many examples to hold out for validation
     * @param test how many examples to hold out for testing, 0 when the test split is given apart
     * @param source what the pool is, for messages (a folder, a file and dataset name)
     * @throws InvalidInputException when the counts leave no example to train on
     */
    public static HeldOutSplits draw(int poolSize, int validation, int test, long seed, String source) {
        if ((long) validation + test >= poolSize) {
            String heldOut = "validation (" + validation + ")" + (test > 0 ? " and test (" + test + ")" : "");
            throw new InvalidInputException(source + " holds " + poolSize + " examples, which leaves none to train on"
                    + " after holding out " + heldOut + "; lower the counts or add examples");
        }
        int[] order = shuffled(poolSize, seed);
        int trainSize = poolSize - validation - test;
        return new HeldOutSplits(Arrays.copyOfRange(order, 0, trainSize),
                Arrays.copyOfRange(order, trainSize + test, poolSize),
                Arrays.copyOfRange(order, trainSize, trainSize + test));
    }

    private static int[] shuffled(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            int j = random.nextInt(i + 1);
            order[i] = order[j];
            order[j] = i;
        }
        return order;
    }
}
