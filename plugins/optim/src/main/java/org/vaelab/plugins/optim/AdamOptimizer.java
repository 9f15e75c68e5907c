package org.vaelab.plugins.optim;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.vaelab.spi.optim.Optimizer;

/** Adam (Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization", algorithm 1). */
final class AdamOptimizer implements Optimizer {

    private final AdamConfig config;

    AdamOptimizer(AdamConfig config) {
        this.config = config;
    }

    @Override
    public IUpdater updater() {
        return new Adam(config.lr(), config.beta1(), config.beta2(), config.epsilon());
    }
}
