package org.vaelab.plugins.likelihood;

import com.google.inject.AbstractModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in likelihoods. */
public final class LikelihoodsPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        var likelihoods = Registries.likelihoods(binder());
        likelihoods.addBinding("bernoulli").to(BernoulliLikelihoodFactory.class);
        likelihoods.addBinding("continuous_bernoulli").to(ContinuousBernoulliLikelihoodFactory.class);
        likelihoods.addBinding("gaussian").to(GaussianLikelihoodFactory.class);
        likelihoods.addBinding("laplace").to(LaplaceLikelihoodFactory.class);
    }
}
