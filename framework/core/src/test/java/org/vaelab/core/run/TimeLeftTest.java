package org.vaelab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vaelab.core.spec.EvalSpec;

/** The run's time left, computed by hand from the epochs' times and the last test pass. */
class TimeLeftTest {

    @Test
    void epochsLeftAtTheMeanPacePlusKTestPassesOverTheEstimatesShareOfTheTestSplit() {
        TimeLeft left = new TimeLeft(10, new EvalSpec(1, 1000, 100, 500, null, null), 1000);
        left.epochDone(4, 0.2);
        assertEquals(9 * 4 + 0.2 * 100 * 0.5, left.seconds(1), 1e-9);
        left.epochDone(6, Double.NaN);
        assertEquals(8 * 5 + 0.2 * 100 * 0.5, left.seconds(2), 1e-9, "an epoch without evaluation keeps the last pass");
    }

    @Test
    void withoutTheEstimateOnlyTheEpochsAreLeft() {
        TimeLeft left = new TimeLeft(3, new EvalSpec(1, 1000, 0, 0, null, null), 300);
        left.epochDone(2, 0.5);
        assertEquals(4, left.seconds(1), 1e-9);
        assertEquals(0, left.seconds(3), 1e-9);
    }

    @Test
    void anEstimateOnTheWholeSplitCountsItWhole() {
        TimeLeft left = new TimeLeft(1, new EvalSpec(1, 1000, 50, 0, null, null), 300);
        left.epochDone(3, 0.1);
        assertEquals(0.1 * 50, left.seconds(1), 1e-9);
    }

    @Test
    void formatsSecondsMinutesAndHours() {
        assertEquals("45 s", TimeLeft.format(45.2));
        assertEquals("1 min 00 s", TimeLeft.format(59.6));
        assertEquals("3 min 05 s", TimeLeft.format(185));
        assertEquals("2 h 07 min", TimeLeft.format(2 * 3600 + 7 * 60 + 30));
    }
}
