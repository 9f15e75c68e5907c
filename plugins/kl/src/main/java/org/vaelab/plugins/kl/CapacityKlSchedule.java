package org.vaelab.plugins.kl;

import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The controlled-capacity penalty {@code gamma * |KL - C|} of Burgess et al. 2018, "Understanding
 * disentangling in beta-VAE", equation 8, with C increased linearly from {@code c_min} to
 * {@code c_max} over {@code steps} steps and held after (section 5). The framework's default
 * {@link KlSchedule#penalty} computes the term from the weighting given here.
 */
final class CapacityKlSchedule implements KlSchedule {

    private final double gamma;
    private final LinearRamp capacity;

    CapacityKlSchedule(CapacityConfig config) {
        this.gamma = config.gamma();
        this.capacity = new LinearRamp(config.cMin(), config.cMax(), config.steps());
    }

    @Override
    public KlWeighting at(long step, TrainingHorizon horizon) {
        return new KlWeighting(gamma, capacity.at(step));
    }
}
