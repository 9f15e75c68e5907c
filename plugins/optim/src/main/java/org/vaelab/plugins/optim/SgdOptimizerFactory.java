package org.vaelab.plugins.optim;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.optim.Optimizer;

/**
 * Registers stochastic gradient descent as optimizer type {@code sgd}: ND4J's {@link Sgd},
 * {@code theta -= lr(t) * g} (Robbins and Monro 1951), or with {@code nesterov} ND4J's
 * {@link Nesterovs}, Nesterov's accelerated gradient in the form of Sutskever et al. 2013, "On the
 * importance of initialization and momentum in deep learning", equations 3 and 4, rewritten on the
 * current parameters as in Bengio et al. 2013, "Advances in optimizing recurrent networks"
 * ({@code v = mu * v - lr(t) * g}, {@code theta += -mu * v_prev + (1 + mu) * v}).
 */
public final class SgdOptimizerFactory implements ComponentFactory<SgdConfig, Optimizer> {

    @Override
    public Class<SgdConfig> configType() {
        return SgdConfig.class;
    }

    @Override
    public Optimizer create(SgdConfig config) {
        return new UpdaterOptimizer(horizon -> updater(config, horizon), config.maxGradNorm(), null);
    }

    private static IUpdater updater(SgdConfig config, TrainingHorizon horizon) {
        if (config.nesterov()) {
            return Nesterovs.builder()
                    .learningRate(config.lr())
                    .learningRateSchedule(config.schedule().learningRates(config.lr(), horizon))
                    .momentum(config.momentum())
                    .build();
        }
        return Sgd.builder()
                .learningRate(config.lr())
                .learningRateSchedule(config.schedule().learningRates(config.lr(), horizon))
                .build();
    }

    @Override
    public String description() {
        return "Stochastic gradient descent, plain or with Nesterov momentum (Sutskever et al. 2013)";
    }
}
