package org.vaelab.plugins.families;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.model.ModelFamily;

/** Registers {@link IwaeFamily} as model family {@code iwae}. */
public final class IwaeFamilyFactory implements ComponentFactory<IwaeConfig, ModelFamily> {

    @Override
    public Class<IwaeConfig> configType() {
        return IwaeConfig.class;
    }

    @Override
    public ModelFamily create(IwaeConfig config) {
        return new IwaeFamily(config.samples());
    }

    @Override
    public String description() {
        return "The importance-weighted autoencoder (Burda et al. 2016): trains on the k-sample bound";
    }
}
