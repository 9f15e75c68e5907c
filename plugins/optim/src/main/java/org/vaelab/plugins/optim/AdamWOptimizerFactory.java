package org.vaelab.plugins.optim;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.optim.Optimizer;

/**
 * Registers AdamW (Loshchilov and Hutter 2019, "Decoupled Weight Decay Regularization",
 * algorithm 2) as optimizer type {@code adamw}: ND4J's Adam, with the weight decay applied by the
 * trainer to the parameters themselves rather than through the gradient, as
 * {@link Optimizer#decoupledWeightDecay()} describes.
 */
public final class AdamWOptimizerFactory implements ComponentFactory<AdamWConfig, Optimizer> {

    @Override
    public Class<AdamWConfig> configType() {
        return AdamWConfig.class;
    }

    @Override
    public Optimizer create(AdamWConfig config) {
        return new UpdaterOptimizer(horizon -> AdamOptimizerFactory.adam(config.lr(), config.beta1(), config.beta2(),
                config.epsilon(), config.schedule(), horizon), config.maxGradNorm(), config.weightDecay());
    }

    @Override
    public String description() {
        return "AdamW: Adam with decoupled weight decay (Loshchilov and Hutter 2019)";
    }
}
