package org.vaelab.plugins.kl;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.kl.KlSchedule;

/** Registers {@link CapacityKlSchedule} as KL type {@code capacity}. */
public final class CapacityKlScheduleFactory implements ComponentFactory<CapacityConfig, KlSchedule> {

    @Override
    public Class<CapacityConfig> configType() {
        return CapacityConfig.class;
    }

    @Override
    public KlSchedule create(CapacityConfig config) {
        return new CapacityKlSchedule(config);
    }

    @Override
    public String description() {
        return "gamma * |KL - C| with the capacity C rising linearly from c_min to c_max (Burgess et al. 2018)";
    }
}
