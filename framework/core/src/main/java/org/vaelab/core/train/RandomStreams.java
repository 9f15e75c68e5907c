package org.vaelab.core.train;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The run's independent random streams. Each is a fresh generator seeded by a function of the
 * spec's seed, the stream's purpose and the epoch alone, never by what was drawn before: the same
 * seed gives the same initial weights, batch order, noise and pictures; changing how one stream is
 * used does not move the others; and a run resumed at the start of an epoch draws exactly what an
 * uninterrupted run draws there.
 */
public final class RandomStreams {

    private enum Purpose {
        INITIAL_WEIGHTS, BATCH_ORDER, TRAINING_NOISE, VALIDATION, TEST, LOG_LIKELIHOOD, PICTURES, CODE_PERMUTATIONS
    }

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** Draws initial weights. */
    public RandomGenerator initialWeights() {
        return stream(Purpose.INITIAL_WEIGHTS, 0);
    }

    /** Shuffles the training split and samples dynamic binarisation in epoch {@code epoch} (1-based). */
    public RandomGenerator batchOrder(int epoch) {
        return stream(Purpose.BATCH_ORDER, epoch);
    }

    /** Draws the reparameterisation noise and dropout masks of the training steps of epoch {@code epoch}. */
    public RandomGenerator trainingNoise(int epoch) {
        return stream(Purpose.TRAINING_NOISE, epoch);
    }

    /**
     * Draws the permutations of the codes an auxiliary network trains on in epoch {@code epoch} (1-based), apart from
     * the noise so that a model's eps are the same with and without one.
     */
    public RandomGenerator codePermutations(int epoch) {
        return stream(Purpose.CODE_PERMUTATIONS, epoch);
    }

    /** Draws the noise of the validation pass after epoch {@code epoch}. */
    public RandomGenerator validation(int epoch) {
        return stream(Purpose.VALIDATION, epoch);
    }

    /** Draws the noise of the test pass after epoch {@code epoch}. */
    public RandomGenerator test(int epoch) {
        return stream(Purpose.TEST, epoch);
    }

    /** Draws the importance samples of the final log-likelihood estimate. */
    public RandomGenerator logLikelihood() {
        return stream(Purpose.LOG_LIKELIHOOD, 0);
    }

    /** Draws latent codes for pictures. */
    public RandomGenerator pictures() {
        return stream(Purpose.PICTURES, 0);
    }

    /**
     * A generator seeded by the SplitMix64 finaliser (Steele, Lea and Flood 2014, the mixing
     * function of {@link SplittableRandom}) applied in turn to the seed, the purpose and the epoch,
     * so nearby seeds and epochs give unrelated streams.
     */
    private RandomGenerator stream(Purpose purpose, int epoch) {
        long state = mix(seed);
        state = mix(state ^ (purpose.ordinal() + 1) * 0x9E3779B97F4A7C15L);
        state = mix(state ^ (epoch + 1L) * 0xD1B54A32D192ED03L);
        return new SplittableRandom(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
