package org.vaelab.core.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/** Which KL schedules log their weight and capacity as a series: those that change at some step of the run. */
class ScheduleConstancyTest {

    private static final TrainingHorizon HORIZON = new TrainingHorizon(10, 3);

    @Test
    void aScheduleTheSameAtEveryStepIsConstant() {
        assertFalse(TrainingLoop.varies((step, horizon) -> new KlWeighting(0.5, 2.0), HORIZON));
    }

    @Test
    void aChangeAtTheLastStepOfTheRunIsSeen() {
        assertTrue(TrainingLoop.varies((step, horizon) -> new KlWeighting(step == 29 ? 1.0 : 0.5, 0), HORIZON));
        assertTrue(TrainingLoop.varies((step, horizon) -> new KlWeighting(1.0, step == 29 ? 3.0 : 0), HORIZON));
    }

    @Test
    void aChangeAfterTheRunDoesNotCount() {
        assertFalse(TrainingLoop.varies((step, horizon) -> new KlWeighting(step >= 30 ? 1.0 : 0.5, 0), HORIZON));
    }
}
