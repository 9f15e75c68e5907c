package org.vaelab.plugins.kl;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.kl.KlSchedule;

/** Registers {@link CyclicalKlSchedule} as KL type {@code cyclical}. */
public final class CyclicalKlScheduleFactory implements ComponentFactory<CyclicalConfig, KlSchedule> {

    @Override
    public Class<CyclicalConfig> configType() {
        return CyclicalConfig.class;
    }

    @Override
    public KlSchedule create(CyclicalConfig config) {
        return new CyclicalKlSchedule(config);
    }

    @Override
    public String description() {
        return "KL weight rising from 0 to beta in each of `cycles` cycles of the run, then held (Fu et al. 2019)";
    }
}
