package org.vaelab.plugins.families;

import com.google.inject.AbstractModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in model families. */
public final class ModelFamiliesPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        var families = Registries.modelFamilies(binder());
        families.addBinding("vae").to(VaeFamilyFactory.class);
        families.addBinding("iwae").to(IwaeFamilyFactory.class);
        families.addBinding("beta_tcvae").to(BetaTcVaeFamilyFactory.class);
        families.addBinding("cvae").to(CvaeFamilyFactory.class);
    }
}
