package org.vaelab.plugins.kl;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.kl.KlSchedule;

/** Registers {@link WarmupKlSchedule} as KL type {@code warmup}. */
public final class WarmupKlScheduleFactory implements ComponentFactory<WarmupConfig, KlSchedule> {

    @Override
    public Class<WarmupConfig> configType() {
        return WarmupConfig.class;
    }

    @Override
    public KlSchedule create(WarmupConfig config) {
        return new WarmupKlSchedule(config);
    }

    @Override
    public String description() {
        return "KL weight rising linearly from start to beta over `steps` steps (Bowman et al. 2016; Sønderby et al. 2016)";
    }
}
