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

/** The warm-up schedule's weight rises linearly from start to beta over `steps` steps, with no capacity. */
class WarmupKlScheduleTest {

    private static final TrainingHorizon HORIZON = new TrainingHorizon(100, 3);

    @Test
    void weightRisesFromZeroToBetaThenHolds() {
        KlSchedule schedule = new WarmupKlSchedule(new WarmupConfig(0, 1, 10_000));
        assertWeighting(0, 0, schedule.at(0, HORIZON), "step 0");
        assertWeighting(0.25, 0, schedule.at(2_500, HORIZON), "step 2_500");
        assertWeighting(0.5, 0, schedule.at(5_000, HORIZON), "step 5_000");
        assertWeighting(1, 0, schedule.at(10_000, HORIZON), "step 10_000");
        assertWeighting(1, 0, schedule.at(1_000_000, HORIZON), "held after `steps`");
    }

    @Test
    void weightStartsAtStartAndNeverFalls() {
        KlSchedule schedule = new WarmupKlSchedule(new WarmupConfig(0.5, 4, 7));
        double previous = 0.5;
        for (long step = 0; step <= 10; step++) {
            KlWeighting at = schedule.at(step, HORIZON);
            assertEquals(0.5 + 3.5 * Math.min(step, 7) / 7, at.weight(), 1e-12, "step " + step);
            assertTrue(at.weight() >= previous, "step " + step);
            assertEquals(0, at.capacity());
            previous = at.weight();
        }
    }

    @Test
    void warmupMayNotFall() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new WarmupConfig(2, 1, 100));
        assertEquals("start", e.key());
        assertTrue(e.getMessage().contains("start (2.0) must be at most beta (1.0)"), e.getMessage());
    }
}
