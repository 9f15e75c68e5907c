package org.vaelab.plugins.families;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.model.ModelFamily;

/** Registers {@link BetaTcVaeFamily} as model family {@code beta_tcvae}. */
public final class BetaTcVaeFamilyFactory implements ComponentFactory<BetaTcVaeConfig, ModelFamily> {

    @Override
    public Class<BetaTcVaeConfig> configType() {
        return BetaTcVaeConfig.class;
    }

    @Override
    public ModelFamily create(BetaTcVaeConfig config) {
        return new BetaTcVaeFamily(config);
    }

    @Override
    public String description() {
        return "beta-TCVAE (Chen et al. 2018): mutual information, total correlation and dimension-wise KL "
                + "weighted alpha, beta, gamma; logs all three";
    }
}
