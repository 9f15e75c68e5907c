package org.vaelab.plugins.kl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaelab.plugins.kl.KlAssertions.assertWeighting;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The free-bits penalty is {@code beta * sum_j max(lambda, mean_batch KL_j)}, worked out by hand,
 * and a dimension whose batch-mean KL is below lambda gets no gradient from it.
 */
class FreeBitsKlScheduleTest {

    /** Two examples, three dimensions: batch means 0.2, 3.0 and 0.3 nats. */
    private static final float[][] KL = {{0.1f, 2.0f, 0.4f}, {0.3f, 4.0f, 0.2f}};

    private static final KlSchedule SCHEDULE = new FreeBitsKlSchedule(new FreeBitsConfig(0.5, 2));

    @Test
    void weightIsBetaAtEveryStep() {
        TrainingHorizon horizon = new TrainingHorizon(10, 10);
        for (long step : new long[] {0, 50, 99, 100, 10_000}) {
            assertWeighting(2, 0, SCHEDULE.at(step, horizon), "step " + step);
        }
    }

    @Test
    void penaltyChargesAtLeastLambdaPerDimension() {
        // beta * (max(0.5, 0.2) + max(0.5, 3.0) + max(0.5, 0.3)) = 2 * 4.0
        assertEquals(8.0, new PenaltyGraph(SCHEDULE, KL, new KlWeighting(2, 0)).value(), 1e-6);
        // with lambda 0 it is the plain beta * mean_batch sum_j KL_j: 2 * 3.5
        KlSchedule noFreeBits = new FreeBitsKlSchedule(new FreeBitsConfig(0, 2));
        assertEquals(7.0, new PenaltyGraph(noFreeBits, KL, new KlWeighting(2, 0)).value(), 1e-6);
        // all dimensions below lambda: a constant
        KlSchedule generous = new FreeBitsKlSchedule(new FreeBitsConfig(5, 1));
        assertEquals(15.0, new PenaltyGraph(generous, KL, new KlWeighting(1, 0)).value(), 1e-6);
    }

    @Test
    void dimensionsBelowLambdaGetNoGradient() {
        INDArray gradient = new PenaltyGraph(SCHEDULE, KL, new KlWeighting(2, 0)).gradient();
        assertEquals(KL.length, gradient.rows());
        for (int row = 0; row < KL.length; row++) {
            assertEquals(0.0, gradient.getDouble(row, 0), "dimension 0 uses 0.2 < lambda nats");
            assertEquals(2.0 / KL.length, gradient.getDouble(row, 1), 1e-7, "dimension 1: beta / batch");
            assertEquals(0.0, gradient.getDouble(row, 2), "dimension 2 uses 0.3 < lambda nats");
        }
    }
}
