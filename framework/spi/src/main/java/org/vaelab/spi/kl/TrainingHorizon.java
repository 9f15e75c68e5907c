package org.vaelab.spi.kl;

/**
 * How long training runs, for schedules defined over a fraction of it.
 *
 * @param stepsPerEpoch optimizer steps in one epoch
 * @param epochs the number of epochs
 */
public record TrainingHorizon(long stepsPerEpoch, int epochs) {

    /** The total number of optimizer steps. */
    public long totalSteps() {
        return stepsPerEpoch * epochs;
    }
}
