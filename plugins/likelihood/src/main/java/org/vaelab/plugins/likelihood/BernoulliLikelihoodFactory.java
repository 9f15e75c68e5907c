package org.vaelab.plugins.likelihood;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.likelihood.Likelihood;

/** Registers {@link BernoulliLikelihood} as likelihood type {@code bernoulli}. */
public final class BernoulliLikelihoodFactory implements ComponentFactory<BernoulliConfig, Likelihood> {

    @Override
    public Class<BernoulliConfig> configType() {
        return BernoulliConfig.class;
    }

    @Override
    public Likelihood create(BernoulliConfig config) {
        return new BernoulliLikelihood();
    }

    @Override
    public String description() {
        return "Independent Bernoulli per value on decoder logits, for binary or [0, 1] data";
    }
}
