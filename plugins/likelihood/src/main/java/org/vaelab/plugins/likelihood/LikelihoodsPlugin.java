package org.vaelab.plugins.likelihood;

import com.google.inject.AbstractModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in likelihoods. */
public final class LikelihoodsPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        Registries.likelihoods(binder()).addBinding("bernoulli").to(BernoulliLikelihoodFactory.class);
    }
}
