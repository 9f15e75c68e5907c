package org.vaelab.core.spec;

import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * {@code train.lr_schedule}: a learning rate that follows the validation metric, as PyTorch's
 * {@code ReduceLROnPlateau} (mode max) changes it.
 *
 * @param type the schedule
 * @param metric the metric watched, higher better
 * @param factor what the learning rate is multiplied by at a plateau
 * @param patience evaluations without an improvement that are borne; one more reduces the rate
 * @param threshold the least rise over the best value that counts as an improvement
 * @param thresholdMode whether {@code threshold} is relative to the best value or in its units
 * @param cooldown evaluations after a reduction during which no evaluation counts as bad
 * @param minLr the rate is never reduced below this
 */
public record LearningRateScheduleSpec(
        @Param("The schedule: reduce_on_plateau (PyTorch's ReduceLROnPlateau, mode max)") Type type,
        @Param(value = "The metric watched (higher is better): val/elbo", defaultValue = EarlyStoppingSpec.VAL_ELBO)
        String metric,
        @Param(value = "What the learning rate is multiplied by at a plateau, between 0 and 1", defaultValue = "0.1",
                min = 0)
        double factor,
        @Param(value = "Evaluations without an improvement that are borne; the next one reduces the rate",
                defaultValue = "10", min = 0)
        int patience,
        @Param(value = "The least rise over the best value that counts as an improvement", defaultValue = "1.0e-4",
                min = 0)
        double threshold,
        @Param(value = "rel: a rise of threshold times |best|; abs: a rise of threshold", defaultValue = "rel")
        ThresholdMode thresholdMode,
        @Param(value = "Evaluations after a reduction that never count as bad", defaultValue = "0", min = 0)
        int cooldown,
        @Param(value = "The learning rate is never reduced below this", defaultValue = "0", min = 0) double minLr) {

    /** The schedules. */
    public enum Type {
        /** Reduce the rate when the metric has stopped rising. */
        REDUCE_ON_PLATEAU
    }

    /** How the threshold is measured. */
    public enum ThresholdMode {
        /** A rise of {@code threshold * |best|}. */
        REL,
        /** A rise of {@code threshold}. */
        ABS
    }

    public LearningRateScheduleSpec {
        if (!EarlyStoppingSpec.VAL_ELBO.equals(metric)) {
            throw new InvalidConfigException("metric", "the schedule watches " + EarlyStoppingSpec.VAL_ELBO
                    + ", found '" + metric + "'");
        }
        if (factor >= 1 || factor <= 0) {
            throw new InvalidConfigException("factor", "must be above 0 and below 1 (it reduces the rate), found "
                    + factor);
        }
    }
}
