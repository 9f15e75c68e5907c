package org.vaelab.plugins.kl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.kl.KlAssertions.assertWeighting;

import org.junit.jupiter.api.Test;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The capacity schedule holds gamma and moves C linearly from c_min to c_max, whatever the run's
 * length; the framework's default penalty turns that into {@code gamma * |mean_batch sum_j KL_j - C|}.
 */
class CapacityKlScheduleTest {

    private static final TrainingHorizon HORIZON = new TrainingHorizon(469, 50);
    private static final KlSchedule DEFAULTS = new CapacityKlSchedule(new CapacityConfig(1000, 0, 25, 100_000));

    @Test
    void capacityRisesFromZeroToTwentyFiveNatsThenHolds() {
        assertWeighting(1000, 0, DEFAULTS.at(0, HORIZON), "step 0");
        assertWeighting(1000, 12.5, DEFAULTS.at(50_000, HORIZON), "step 50_000");
        assertWeighting(1000, 0.25, DEFAULTS.at(1_000, HORIZON), "step 1_000");
        assertWeighting(1000, 25, DEFAULTS.at(100_000, HORIZON), "step 100_000");
        assertWeighting(1000, 25, DEFAULTS.at(250_000, HORIZON), "held after `steps`");
        assertEquals(DEFAULTS.at(50_000, HORIZON), DEFAULTS.at(50_000, new TrainingHorizon(10, 1)),
                "the run's length does not matter");
    }

    @Test
    void capacityNeverFallsAndWeightStaysGamma() {
        KlSchedule schedule = new CapacityKlSchedule(new CapacityConfig(4, 5, 7, 30));
        double previous = 5;
        for (long step = 0; step <= 40; step++) {
            KlWeighting at = schedule.at(step, HORIZON);
            assertEquals(4, at.weight());
            assertTrue(at.capacity() >= previous, "step " + step);
            assertEquals(5 + 2 * Math.min(step, 30) / 30.0, at.capacity(), 1e-12, "step " + step);
            previous = at.capacity();
        }
    }

    @Test
    void defaultPenaltyIsGammaTimesTheDistanceOfTheBatchMeanKlFromC() {
        // per example KL: 1 + 2 = 3 and 3 + 4 = 7; batch mean 5 nats
        float[][] kl = {{1, 2}, {3, 4}};
        assertEquals(1000 * Math.abs(5 - 12.5), new PenaltyGraph(DEFAULTS, kl, DEFAULTS.at(50_000, HORIZON)).value(),
                1e-3);
        assertEquals(1000 * Math.abs(5 - 0.25), new PenaltyGraph(DEFAULTS, kl, DEFAULTS.at(1_000, HORIZON)).value(),
                1e-3);
        assertEquals(1000 * 5, new PenaltyGraph(DEFAULTS, kl, DEFAULTS.at(0, HORIZON)).value(), 1e-3,
                "C = 0: gamma * KL");
    }

    @Test
    void capacityMayNotShrink() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new CapacityConfig(1000, 10, 5, 100));
        assertEquals("c_max", e.key());
        assertTrue(e.getMessage().contains("c_max (5.0) must be at least c_min (10.0)"), e.getMessage());
        assertEquals(new KlWeighting(1, 3), new CapacityKlSchedule(new CapacityConfig(1, 3, 3, 1)).at(0, HORIZON),
                "a constant capacity is allowed");
    }
}
