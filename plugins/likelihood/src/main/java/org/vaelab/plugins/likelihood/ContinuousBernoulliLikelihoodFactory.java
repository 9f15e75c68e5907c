package org.vaelab.plugins.likelihood;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.likelihood.Likelihood;

/** Registers {@link ContinuousBernoulliLikelihood} as likelihood type {@code continuous_bernoulli}. */
public final class ContinuousBernoulliLikelihoodFactory implements ComponentFactory<ContinuousBernoulliConfig, Likelihood> {

    @Override
    public Class<ContinuousBernoulliConfig> configType() {
        return ContinuousBernoulliConfig.class;
    }

    @Override
    public Likelihood create(ContinuousBernoulliConfig config) {
        return new ContinuousBernoulliLikelihood();
    }

    @Override
    public String description() {
        return "Continuous Bernoulli per value on decoder logits (Loaiza-Ganem and Cunningham 2019): the Bernoulli "
                + "cross-entropy plus its normalising constant, a proper density for data in [0, 1]";
    }
}
