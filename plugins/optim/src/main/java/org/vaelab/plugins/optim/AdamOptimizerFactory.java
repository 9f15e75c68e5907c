package org.vaelab.plugins.optim;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.optim.Optimizer;

/** Registers {@link AdamOptimizer} as optimizer type {@code adam}. */
public final class AdamOptimizerFactory implements ComponentFactory<AdamConfig, Optimizer> {

    @Override
    public Class<AdamConfig> configType() {
        return AdamConfig.class;
    }

    @Override
    public Optimizer create(AdamConfig config) {
        return new AdamOptimizer(config);
    }

    @Override
    public String description() {
        return "Adam with bias-corrected moment estimates (Kingma and Ba 2015)";
    }
}
