package org.vaelab.plugins.optim;

import com.google.inject.AbstractModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in optimizers. */
public final class OptimizersPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        Registries.optimizers(binder()).addBinding("adam").to(AdamOptimizerFactory.class);
    }
}
