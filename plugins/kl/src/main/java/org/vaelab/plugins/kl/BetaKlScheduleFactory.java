package org.vaelab.plugins.kl;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.kl.KlSchedule;

/** Registers {@link BetaKlSchedule} as KL type {@code beta}. */
public final class BetaKlScheduleFactory implements ComponentFactory<BetaConfig, KlSchedule> {

    @Override
    public Class<BetaConfig> configType() {
        return BetaConfig.class;
    }

    @Override
    public KlSchedule create(BetaConfig config) {
        return new BetaKlSchedule(config);
    }

    @Override
    public String description() {
        return "Constant KL weight beta (Higgins et al. 2017); beta = 1 is the plain VAE";
    }
}
