package org.vaelab.plugins.optim;

import org.nd4j.linalg.learning.config.Adam;
import org.vaelab.plugins.optim.schedule.LearningRateSchedule;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.optim.Optimizer;

/**
 * Registers Adam (Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization", algorithm 1)
 * as optimizer type {@code adam}: ND4J's {@link Adam} with the configured learning-rate schedule.
 * ND4J computes the step in the form given at the end of the paper's section 2,
 * {@code lr(t) * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + epsilon)}, so epsilon is
 * added before the bias correction rather than after as in algorithm 1.
 */
public final class AdamOptimizerFactory implements ComponentFactory<AdamConfig, Optimizer> {

    @Override
    public Class<AdamConfig> configType() {
        return AdamConfig.class;
    }

    @Override
    public Optimizer create(AdamConfig config) {
        return new UpdaterOptimizer(horizon -> adam(config.lr(), config.beta1(), config.beta2(), config.epsilon(),
                config.schedule(), horizon),
                config.maxGradNorm(), null);
    }

    /** ND4J's Adam with these hyperparameters and schedule; AdamW shares it. */
    static Adam adam(double lr, double beta1, double beta2, double epsilon, LearningRateSchedule schedule,
                     TrainingHorizon horizon) {
        return Adam.builder().learningRate(lr).learningRateSchedule(schedule.learningRates(lr, horizon))
                .beta1(beta1).beta2(beta2).epsilon(epsilon).build();
    }

    @Override
    public String description() {
        return "Adam with bias-corrected moment estimates (Kingma and Ba 2015)";
    }
}
