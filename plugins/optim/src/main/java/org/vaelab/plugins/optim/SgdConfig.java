package org.vaelab.plugins.optim;

import org.vaelab.plugins.optim.schedule.LearningRateSchedule;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Stochastic gradient descent, plain or with Nesterov momentum, plus the learning-rate schedule
 * and gradient clipping every built-in optimizer takes. Classical (heavy-ball) momentum is
 * refused: ND4J 1.0.0-M2.1 has no updater for it.
 */
public record SgdConfig(
        @Param(value = "Learning rate", defaultValue = "0.01", above = 0) double lr,
        @Param(value = "Momentum mu; 0 for plain SGD, above 0 needs nesterov: true", defaultValue = "0.0", min = 0,
                max = 0.999999) double momentum,
        @Param(value = "Nesterov momentum (Sutskever et al. 2013); needs momentum above 0", defaultValue = "false")
        boolean nesterov,
        @Param(value = OptimizerOptions.SCHEDULE, defaultValue = "{}") LearningRateSchedule schedule,
        @Param(value = OptimizerOptions.MAX_GRAD_NORM, defaultValue = Param.NONE, above = 0) Double maxGradNorm) {

    public SgdConfig {
        if (nesterov && momentum == 0) {
            throw new InvalidConfigException("momentum", "nesterov: true needs momentum above 0, such as 0.9");
        }
        if (!nesterov && momentum > 0) {
            throw new InvalidConfigException("nesterov", "momentum " + momentum + " without nesterov: true would be "
                    + "classical momentum, which ND4J's updaters do not provide; set nesterov: true for Nesterov "
                    + "momentum, or momentum: 0 for plain SGD");
        }
        schedule.requireFits(lr);
    }
}
