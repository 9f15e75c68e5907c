package org.vaelab.plugins.kl;

import com.google.inject.AbstractModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in KL schedules. */
public final class KlSchedulesPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        var schedules = Registries.klSchedules(binder());
        schedules.addBinding("beta").to(BetaKlScheduleFactory.class);
        schedules.addBinding("capacity").to(CapacityKlScheduleFactory.class);
        schedules.addBinding("warmup").to(WarmupKlScheduleFactory.class);
        schedules.addBinding("cyclical").to(CyclicalKlScheduleFactory.class);
        schedules.addBinding("free_bits").to(FreeBitsKlScheduleFactory.class);
    }
}
