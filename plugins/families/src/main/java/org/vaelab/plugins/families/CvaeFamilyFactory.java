package org.vaelab.plugins.families;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.model.ModelFamily;

/** Registers {@link CvaeFamily} as model family {@code cvae}. */
public final class CvaeFamilyFactory implements ComponentFactory<CvaeConfig, ModelFamily> {

    @Override
    public Class<CvaeConfig> configType() {
        return CvaeConfig.class;
    }

    @Override
    public ModelFamily create(CvaeConfig config) {
        return new CvaeFamily();
    }

    @Override
    public String description() {
        return "The conditional VAE (Sohn et al. 2015): encoder and decoder take the one-hot class label; needs labelled data";
    }
}
