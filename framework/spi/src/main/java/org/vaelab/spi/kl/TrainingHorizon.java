package org.vaelab.spi.kl;

/**
 * How long training runs, for KL and learning-rate schedules defined over a fraction of it.
 *
 * @param stepsPerEpoch optimizer steps in one epoch
 * @param epochs the number of epochs
 */
public record TrainingHorizon(long stepsPerEpoch, int epochs) {

    /**
     * The horizon of {@code epochs} epochs over {@code examples} examples in batches of {@code batchSize}, the last one
     * smaller.
     */
    public static TrainingHorizon of(int examples, int batchSize, int epochs) {
        return new TrainingHorizon((examples + batchSize - 1L) / batchSize, epochs);
    }

    /** The total number of optimizer steps. */
    public long totalSteps() {
        return stepsPerEpoch * epochs;
    }
}
