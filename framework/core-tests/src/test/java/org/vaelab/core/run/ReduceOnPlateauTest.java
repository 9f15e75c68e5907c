package org.vaelab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.spec.LearningRateScheduleSpec;
import org.vaelab.core.spec.LearningRateScheduleSpec.ThresholdMode;
import org.vaelab.core.spec.LearningRateScheduleSpec.Type;

/** PyTorch's ReduceLROnPlateau (mode max) on validation curves worked by hand. */
class ReduceOnPlateauTest {

    @TempDir
    Path work;

    private static LearningRateScheduleSpec spec(int patience, double threshold, ThresholdMode mode, int cooldown,
                                                 double minLr) {
        return new LearningRateScheduleSpec(Type.REDUCE_ON_PLATEAU, "val/elbo", 0.5, patience, threshold, mode,
                cooldown, minLr);
    }

    @Test
    void theRateHalvesOnceTheCountOfBadEvaluationsExceedsPatience() {
        ReduceOnPlateau plateau = new ReduceOnPlateau(spec(1, 0, ThresholdMode.ABS, 0, 0), 0.01);
        assertFalse(plateau.observe(-100), "the first value is the best");
        assertFalse(plateau.observe(-100), "equal is not better: 1 bad, not more than patience 1");
        assertTrue(plateau.observe(-101), "2 bad > 1");
        assertEquals(0.005, plateau.rate());
        assertEquals(0.5, plateau.scale());
        assertFalse(plateau.observe(-99), "a rise resets the count");
        assertFalse(plateau.observe(-99.5));
        assertTrue(plateau.observe(-99.5));
        assertEquals(0.0025, plateau.rate());
    }

    @Test
    void aRelativeThresholdIsARiseOfThresholdTimesTheBestsSize() {
        // best -200: a rise must pass -200 + 0.01 * 200 = -198; PyTorch's best * (1 + threshold) would be -202
        ReduceOnPlateau plateau = new ReduceOnPlateau(spec(0, 0.01, ThresholdMode.REL, 0, 0), 1);
        plateau.observe(-200);
        assertTrue(plateau.observe(-198.5), "a rise of 1.5 < 2 is no improvement, and patience 0 reduces at once");
        assertFalse(plateau.observe(-197.9), "a rise of 2.1 > 2 is");
        assertEquals(0.5, plateau.rate());
    }

    @Test
    void cooldownEvaluationsNeverCountAndMinLrBoundsTheRate() {
        ReduceOnPlateau plateau = new ReduceOnPlateau(spec(0, 0, ThresholdMode.ABS, 2, 0.3), 1);
        plateau.observe(-10);
        assertTrue(plateau.observe(-11), "0.5");
        assertFalse(plateau.observe(-11), "cooldown 1 of 2");
        assertFalse(plateau.observe(-11), "cooldown 2 of 2");
        assertTrue(plateau.observe(-11), "max(0.25, min_lr 0.3)");
        assertEquals(0.3, plateau.rate());
        plateau.observe(-11);
        plateau.observe(-11);
        assertFalse(plateau.observe(-11), "at min_lr the rate changes no more");
        assertEquals(0.3, plateau.rate());
    }

    @Test
    void aResumedRunReplaysTheLoggedValuesToTheSameRate() throws IOException {
        Path metrics = Files.writeString(work.resolve("metrics.csv"), "step,epoch,metric,value\n"
                + "5,1,val/elbo,-100.0\n5,1,test/elbo,-90.0\n10,2,val/elbo,-100.0\n15,3,val/elbo,-101.0\n");
        ReduceOnPlateau resumed = ReduceOnPlateau.replay(spec(1, 0, ThresholdMode.ABS, 0, 0), 0.01, metrics);
        assertEquals(0.005, resumed.rate(), "test/elbo is not watched");
        assertFalse(resumed.observe(-101), "the count started again after the reduction");
    }
}
