package org.vaelab.plugins.optim;

import org.vaelab.spi.Family;
import org.vaelab.spi.PluginModule;

/** The built-in optimizers. */
public final class OptimizersPlugin extends PluginModule {

    @Override
    protected void configure() {
        register(Family.OPTIMIZER, "adam", AdamConfig.class, UpdaterOptimizer::adam,
                "Adam with bias-corrected moment estimates (Kingma and Ba 2015)");
        register(Family.OPTIMIZER, "adamw", AdamWConfig.class, UpdaterOptimizer::adamW,
                "AdamW: Adam with decoupled weight decay (Loshchilov and Hutter 2019)");
        register(Family.OPTIMIZER, "sgd", SgdConfig.class, UpdaterOptimizer::sgd,
                "Stochastic gradient descent, plain or with Nesterov momentum (Sutskever et al. 2013)");
        register(Family.OPTIMIZER, "rmsprop", RmsPropConfig.class, UpdaterOptimizer::rmsProp,
                "RMSProp: gradients divided by a running root mean square (Tieleman and Hinton 2012)");
    }
}
