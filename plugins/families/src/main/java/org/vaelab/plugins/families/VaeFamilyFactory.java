package org.vaelab.plugins.families;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.model.ModelFamily;

/** Registers {@link VaeFamily} as model family {@code vae}. */
public final class VaeFamilyFactory implements ComponentFactory<VaeConfig, ModelFamily> {

    @Override
    public Class<VaeConfig> configType() {
        return VaeConfig.class;
    }

    @Override
    public ModelFamily create(VaeConfig config) {
        return new VaeFamily();
    }

    @Override
    public String description() {
        return "The VAE (Kingma and Welling 2014): the ELBO, its KL term weighted by the spec's kl block";
    }
}
