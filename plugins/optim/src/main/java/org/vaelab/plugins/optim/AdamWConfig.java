package org.vaelab.plugins.optim;

import org.vaelab.plugins.optim.schedule.LearningRateSchedule;
import org.vaelab.spi.Param;

/**
 * AdamW's hyperparameters: Adam's (Kingma and Ba 2015) and the decoupled weight decay of
 * Loshchilov and Hutter 2019, "Decoupled Weight Decay Regularization", algorithm 2, default 0.01 as
 * in PyTorch's AdamW.
 */
public record AdamWConfig(
        @Param(value = "Learning rate (alpha)", defaultValue = "1.0e-3", above = 0) double lr,
        @Param(value = "Decay of the first-moment estimate", defaultValue = "0.9", min = 0,
                max = 0.999999) double beta1,
        @Param(value = "Decay of the second-moment estimate", defaultValue = "0.999", min = 0,
                max = 0.999999) double beta2,
        @Param(value = "Added to the denominator for stability", defaultValue = "1.0e-8", above = 0) double epsilon,
        @Param(value = "Decoupled weight decay lambda: each step multiplies every parameter by 1 - lr * lambda",
                defaultValue = "0.01", min = 0, max = 1) double weightDecay,
        @Param(value = OptimizerOptions.SCHEDULE, defaultValue = "{}") LearningRateSchedule schedule,
        @Param(value = OptimizerOptions.MAX_GRAD_NORM, defaultValue = Param.NONE, above = 0) Double maxGradNorm) {

    public AdamWConfig {
        schedule.requireFits(lr);
    }
}
