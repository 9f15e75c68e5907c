package org.vaelab.core.train;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The run's independent random streams, all split from the spec's seed in a fixed order, so the
 * same seed gives the same initial weights, batch order, noise and pictures, and changing how
 * one stream is used does not move the others.
 */
public final class RandomStreams {

    private final RandomGenerator initialWeights;
    private final RandomGenerator batchOrder;
    private final RandomGenerator trainingNoise;
    private final SplittableRandom evaluation;
    private final RandomGenerator pictures;

    public RandomStreams(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        this.initialWeights = root.split();
        this.batchOrder = root.split();
        this.trainingNoise = root.split();
        this.evaluation = root.split();
        this.pictures = root.split();
    }

    /** Draws initial weights. */
    public RandomGenerator initialWeights() {
        return initialWeights;
    }

    /** Shuffles the training split and samples dynamic binarisation. */
    public RandomGenerator batchOrder() {
        return batchOrder;
    }

    /** Draws the reparameterisation noise of training steps. */
    public RandomGenerator trainingNoise() {
        return trainingNoise;
    }

    /** A fresh stream for one evaluation pass. */
    public RandomGenerator nextEvaluation() {
        return evaluation.split();
    }

    /** Draws latent codes for pictures. */
    public RandomGenerator pictures() {
        return pictures;
    }
}
