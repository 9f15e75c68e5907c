package org.vaelab.plugins.likelihood;

import org.vaelab.spi.Family;
import org.vaelab.spi.PluginModule;

/** The built-in likelihoods. */
public final class LikelihoodsPlugin extends PluginModule {

    @Override
    protected void configure() {
        register(Family.LIKELIHOOD, "bernoulli", BernoulliConfig.class, config -> new BernoulliLikelihood(),
                "Independent Bernoulli per value on decoder logits, for binary or [0, 1] data");
        register(Family.LIKELIHOOD, "continuous_bernoulli", ContinuousBernoulliConfig.class,
                config -> new ContinuousBernoulliLikelihood(),
                "Continuous Bernoulli per value on decoder logits (Loaiza-Ganem and Cunningham 2019): the Bernoulli "
                        + "cross-entropy plus its normalising constant, a proper density for data in [0, 1]");
        register(Family.LIKELIHOOD, "gaussian", GaussianConfig.class, LocationScaleLikelihood::gaussian,
                "Independent Gaussian per value on the decoder's mean, with a fixed, one learned or a per-value "
                        + "learned variance, normalised (sigma 1/sqrt(2) is squared error plus a constant)");
        register(Family.LIKELIHOOD, "laplace", LaplaceConfig.class, LocationScaleLikelihood::laplace,
                "Independent Laplace per value on the decoder's location, with a fixed, one learned or a per-value "
                        + "learned scale, normalised (b 1 is absolute error plus D log 2)");
    }
}
