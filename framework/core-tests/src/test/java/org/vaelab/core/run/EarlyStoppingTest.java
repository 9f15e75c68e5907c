package org.vaelab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.spec.EarlyStoppingSpec;

/** The patience rule of {@code train.early_stopping} on validation curves worked by hand. */
class EarlyStoppingTest {

    /** A curve that rises by 10 nats, then by 0.5 (less than min_delta 1), then falls. */
    private static final double[] CURVE = {-100, -90, -89.5, -89.8, -89.2};

    @TempDir
    Path work;

    @Test
    void theRunEndsAfterPatienceEvaluationsWithoutARiseOfMoreThanMinDelta() {
        EarlyStopping stopping = new EarlyStopping(new EarlyStoppingSpec("val/elbo", 2, 1.0));
        assertFalse(stopping.observe(1, CURVE[0]), "the first value is the reference");
        assertFalse(stopping.observe(2, CURVE[1]), "a rise of 10 > 1 resets the count");
        assertFalse(stopping.observe(3, CURVE[2]), "a rise of 0.5 <= 1 is one evaluation without improvement");
        assertTrue(stopping.observe(4, CURVE[3]), "a fall is the second: patience 2 ends the run");
        assertEquals("early stopping after epoch 4: val/elbo has not risen more than 1.0 above -90.0000 (epoch 2)"
                + " in 2 evaluations", stopping.reason(4));
    }

    @Test
    void withoutMinDeltaAnyRiseResetsTheCount() {
        EarlyStopping stopping = new EarlyStopping(new EarlyStoppingSpec("val/elbo", 2, 0));
        for (int epoch = 1; epoch <= CURVE.length; epoch++) {
            assertFalse(stopping.observe(epoch, CURVE[epoch - 1]), "epoch " + epoch);
        }
        assertFalse(stopping.observe(6, -89.2), "equal is no rise: one evaluation without one");
        assertTrue(stopping.observe(7, -95), "and a fall the second");
    }

    @Test
    void aResumedRunReplaysTheLoggedValuesAndStopsWhereAnUninterruptedOneDoes() throws IOException {
        Path metrics = Files.writeString(work.resolve("metrics.csv"), "step,epoch,metric,value\n"
                + "5,1,val/elbo,-100.0\n5,1,test/elbo,-101.0\n10,2,val/elbo,-90.0\n15,3,val/elbo,-89.5\n");
        EarlyStopping resumed = EarlyStopping.replay(new EarlyStoppingSpec("val/elbo", 2, 1.0), metrics);
        assertTrue(resumed.observe(4, CURVE[3]));
        assertTrue(resumed.reason(4).contains("above -90.0000 (epoch 2) in 2 evaluations"), resumed.reason(4));
    }
}
