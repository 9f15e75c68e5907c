package org.vaelab.plugins.optim;

import org.nd4j.linalg.learning.config.RmsProp;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.optim.Optimizer;

/**
 * Registers RMSProp (Tieleman and Hinton 2012, "Lecture 6.5 - rmsprop: Divide the gradient by a
 * running average of its recent magnitude", COURSERA: Neural Networks for Machine Learning) as
 * optimizer type {@code rmsprop}: ND4J's {@link RmsProp},
 * {@code s = decay * s + (1 - decay) * g^2}, {@code theta -= lr(t) * g / (sqrt(s) + epsilon)}, with s
 * starting at epsilon.
 */
public final class RmsPropOptimizerFactory implements ComponentFactory<RmsPropConfig, Optimizer> {

    @Override
    public Class<RmsPropConfig> configType() {
        return RmsPropConfig.class;
    }

    @Override
    public Optimizer create(RmsPropConfig config) {
        return new UpdaterOptimizer(horizon -> RmsProp.builder()
                .learningRate(config.lr())
                .learningRateSchedule(config.schedule().learningRates(config.lr(), horizon))
                .rmsDecay(config.decay())
                .epsilon(config.epsilon())
                .build(), config.maxGradNorm(), null);
    }

    @Override
    public String description() {
        return "RMSProp: gradients divided by a running root mean square (Tieleman and Hinton 2012)";
    }
}
