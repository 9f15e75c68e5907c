package org.vaelab.plugins.optim;

import org.vaelab.plugins.optim.schedule.LearningRateSchedule;
import org.vaelab.spi.Param;

/**
 * Adam's hyperparameters, named as in Kingma and Ba 2015, algorithm 1, plus the learning-rate
 * schedule and gradient clipping every built-in optimizer takes.
 */
public record AdamConfig(
        @Param(value = "Learning rate (alpha)", defaultValue = "1.0e-3", above = 0) double lr,
        @Param(value = "Decay of the first-moment estimate", defaultValue = "0.9", min = 0,
                max = 0.999999) double beta1,
        @Param(value = "Decay of the second-moment estimate", defaultValue = "0.999", min = 0,
                max = 0.999999) double beta2,
        @Param(value = "Added to the denominator for stability", defaultValue = "1.0e-8", above = 0) double epsilon,
        @Param(value = OptimizerOptions.SCHEDULE, defaultValue = "{}") LearningRateSchedule schedule,
        @Param(value = OptimizerOptions.MAX_GRAD_NORM, defaultValue = Param.NONE, above = 0) Double maxGradNorm) {

    public AdamConfig {
        schedule.requireFits(lr);
    }
}
