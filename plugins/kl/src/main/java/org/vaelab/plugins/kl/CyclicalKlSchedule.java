package org.vaelab.plugins.kl;

import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * Cyclical KL annealing (Fu et al. 2019, "Cyclical Annealing Schedule: A Simple Approach to
 * Mitigating KL Vanishing", NAACL, equations 5 and 6): the T steps of the run are divided into M
 * cycles; in each, the weight rises linearly from 0 to {@code beta} over the first R of the cycle
 * and is held at {@code beta} for the rest: {@code w(t) = beta * min(1, tau / R)}, with tau the
 * position of step t in its cycle as a fraction of the cycle length T/M.
 *
 * <p>Cycle c starts at step {@code floor(c * T / M)}, as in the authors' reference code
 * ({@code frange_cycle_linear}); when M divides T that is the paper's
 * {@code tau = mod(t, ceil(T/M)) / (T/M)}, and otherwise the cycles are spread over exactly T
 * steps instead of the last one being cut short. Steps after the run (t >= T) stay in the last
 * cycle, so the weight is {@code beta}.
 */
final class CyclicalKlSchedule implements KlSchedule {

    private final CyclicalConfig config;

    CyclicalKlSchedule(CyclicalConfig config) {
        this.config = config;
    }

    @Override
    public KlWeighting at(long step, TrainingHorizon horizon) {
        long total = horizon.totalSteps();
        int cycles = config.cycles();
        double rampSteps = config.ratio() * total / cycles;
        // the last cycle c with floor(c * T / M) <= t, that is c < (t + 1) * M / T
        long cycle = total == 0 ? cycles - 1 : Math.min(cycles - 1, (Math.multiplyExact(step + 1, cycles) - 1) / total);
        long intoCycle = step - cycle * total / cycles;
        double weight = intoCycle >= rampSteps ? config.beta() : config.beta() * intoCycle / rampSteps;
        return new KlWeighting(weight, 0.0);
    }
}
