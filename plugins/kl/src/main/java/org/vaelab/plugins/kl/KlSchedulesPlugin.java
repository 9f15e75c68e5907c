package org.vaelab.plugins.kl;

import org.vaelab.spi.Family;
import org.vaelab.spi.PluginModule;

/** The built-in KL schedules. */
public final class KlSchedulesPlugin extends PluginModule {

    @Override
    protected void configure() {
        register(Family.KL_SCHEDULE, "beta", BetaConfig.class, BetaKlSchedule::new,
                "Constant KL weight beta (Higgins et al. 2017); beta = 1 is the plain VAE");
        register(Family.KL_SCHEDULE, "capacity", CapacityConfig.class, CapacityKlSchedule::new,
                "gamma * |KL - C| with the capacity C rising linearly from c_min to c_max (Burgess et al. 2018)");
        register(Family.KL_SCHEDULE, "warmup", WarmupConfig.class, WarmupKlSchedule::new,
                "KL weight rising linearly from start to beta over `steps` steps "
                        + "(Bowman et al. 2016; Sønderby et al. 2016)");
        register(Family.KL_SCHEDULE, "cyclical", CyclicalConfig.class, CyclicalKlSchedule::new,
                "KL weight rising from 0 to beta in each of `cycles` cycles of the run, then held (Fu et al. 2019)");
        register(Family.KL_SCHEDULE, "free_bits", FreeBitsConfig.class, FreeBitsKlSchedule::new,
                "beta * sum_j max(lambda, batch-mean KL_j): lambda free nats per latent dimension "
                        + "(Kingma et al. 2016)");
    }
}
