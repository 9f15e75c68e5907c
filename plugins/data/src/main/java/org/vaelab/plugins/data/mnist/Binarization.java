package org.vaelab.plugins.data.mnist;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.ValueRange;

/** How grey levels in [0, 1] become features. */
public enum Binarization {

    /** Grey levels as they are. */
    NONE(ValueRange.UNIT_INTERVAL),

    /** 1 where the grey level is above 0.5, else 0: the same binary images every epoch. */
    THRESHOLD(ValueRange.BINARY),

    /**
     * Each value is 1 with probability equal to its grey level, sampled afresh every time a
     * training batch is fed (Burda, Grosse and Salakhutdinov 2016, "Importance Weighted
     * Autoencoders", section 5). Validation and test images are sampled once, from the load seed,
     * so that every evaluation sees the same binary images.
     */
    DYNAMIC(ValueRange.BINARY);

    /** Resamples a training batch in place; see {@link #DYNAMIC}. */
    private static final BatchTransform RESAMPLE = (batch, rows, width, random) -> sample(batch, rows * width, random);

    private final ValueRange range;

    Binarization(ValueRange range) {
        this.range = range;
    }

    /** The values the model is fed. */
    public ValueRange range() {
        return range;
    }

    /**
     * Binarises the grey levels of the three splits in place and returns the transform for
     * training batches.
     *
     * @param seed seeds the one-off sample of the validation and test splits
     */
    BatchTransform apply(float[] train, float[] validation, float[] test, long seed) {
        return switch (this) {
            case NONE -> BatchTransform.IDENTITY;
            case THRESHOLD -> {
                threshold(train);
                threshold(validation);
                threshold(test);
                yield BatchTransform.IDENTITY;
            }
            case DYNAMIC -> {
                SplittableRandom random = new SplittableRandom(seed);
                // One independent stream per split, so the test images do not depend on the validation size.
                sample(validation, validation.length, random.split());
                sample(test, test.length, random.split());
                yield RESAMPLE;
            }
        };
    }

    private static void threshold(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] > 0.5f ? 1f : 0f;
        }
    }

    private static void sample(float[] values, int count, RandomGenerator random) {
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat() < values[i] ? 1f : 0f;
        }
    }
}
