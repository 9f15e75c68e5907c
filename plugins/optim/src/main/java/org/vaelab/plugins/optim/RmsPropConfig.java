package org.vaelab.plugins.optim;

import org.vaelab.plugins.optim.schedule.LearningRateSchedule;
import org.vaelab.spi.Param;

/**
 * RMSProp's hyperparameters (Tieleman and Hinton 2012), plus the learning-rate schedule and
 * gradient clipping every built-in optimizer takes.
 */
public record RmsPropConfig(
        @Param(value = "Learning rate", defaultValue = "1.0e-3", above = 0) double lr,
        @Param(value = "Decay of the running mean of squared gradients (0.9 in Tieleman and Hinton 2012)",
                defaultValue = "0.9", min = 0, max = 0.999999) double decay,
        @Param(value = "Added for stability, and the running mean's starting value", defaultValue = "1.0e-8", above = 0)
        double epsilon,
        @Param(value = OptimizerOptions.SCHEDULE, defaultValue = "{}") LearningRateSchedule schedule,
        @Param(value = OptimizerOptions.MAX_GRAD_NORM, defaultValue = Param.NONE, above = 0) Double maxGradNorm) {

    public RmsPropConfig {
        schedule.requireFits(lr);
    }
}
