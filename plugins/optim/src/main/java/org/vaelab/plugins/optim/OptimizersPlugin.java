package org.vaelab.plugins.optim;

import com.google.inject.AbstractModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in optimizers. */
public final class OptimizersPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        var optimizers = Registries.optimizers(binder());
        optimizers.addBinding("adam").to(AdamOptimizerFactory.class);
        optimizers.addBinding("adamw").to(AdamWOptimizerFactory.class);
        optimizers.addBinding("sgd").to(SgdOptimizerFactory.class);
        optimizers.addBinding("rmsprop").to(RmsPropOptimizerFactory.class);
    }
}
