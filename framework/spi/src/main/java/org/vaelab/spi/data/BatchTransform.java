package org.vaelab.spi.data;

import java.util.random.RandomGenerator;

/**
 * A transform applied to every training batch just before it is fed, such as dynamic
 * binarisation (a fresh Bernoulli sample of each pixel every time it is seen, as in
 * Burda et al. 2016, "Importance Weighted Autoencoders", section 5).
 */
@FunctionalInterface
public interface BatchTransform {

    /** Leaves batches as they are. */
    BatchTransform IDENTITY = (batch, rows, width, random) -> { };

    /** Transforms the first {@code rows * width} values of {@code batch} in place. */
    void apply(float[] batch, int rows, int width, RandomGenerator random);
}
