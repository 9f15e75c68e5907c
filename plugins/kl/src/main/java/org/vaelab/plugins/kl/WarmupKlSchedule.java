package org.vaelab.plugins.kl;

import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * KL annealing: the penalty {@code w(t) * KL} with w rising linearly from {@code start} to
 * {@code beta} over the first {@code steps} steps, then held (Bowman et al. 2016, "Generating
 * Sentences from a Continuous Space", section 3.1; the warm-up of Sønderby et al. 2016, "Ladder
 * Variational Autoencoders").
 */
final class WarmupKlSchedule implements KlSchedule {

    private final LinearRamp weight;

    WarmupKlSchedule(WarmupConfig config) {
        this.weight = new LinearRamp(config.start(), config.beta(), config.steps());
    }

    @Override
    public KlWeighting at(long step, TrainingHorizon horizon) {
        return new KlWeighting(weight.at(step), 0.0);
    }
}
