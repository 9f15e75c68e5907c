package org.vaelab.plugins.kl;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.kl.KlSchedule;

/** Registers {@link FreeBitsKlSchedule} as KL type {@code free_bits}. */
public final class FreeBitsKlScheduleFactory implements ComponentFactory<FreeBitsConfig, KlSchedule> {

    @Override
    public Class<FreeBitsConfig> configType() {
        return FreeBitsConfig.class;
    }

    @Override
    public KlSchedule create(FreeBitsConfig config) {
        return new FreeBitsKlSchedule(config);
    }

    @Override
    public String description() {
        return "beta * sum_j max(lambda, batch-mean KL_j): lambda free nats per latent dimension (Kingma et al. 2016)";
    }
}
