package org.vaelab.plugins.kl;

import com.google.inject.AbstractModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in KL schedules. */
public final class KlSchedulesPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        Registries.klSchedules(binder()).addBinding("beta").to(BetaKlScheduleFactory.class);
    }
}
