package org.vaelab.plugins.kl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.kl.KlAssertions.assertWeighting;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The cyclical schedule reproduces, value by value, the authors' reference
 * {@code frange_cycle_linear} (github.com/haofuml/cyclical_annealing), ported below line for line
 * from Python to Java (both use IEEE doubles and {@code int()} truncates like a cast).
 */
class CyclicalKlScheduleTest {

    /**
     * <pre>
     * def frange_cycle_linear(n_iter, start=0.0, stop=1.0, n_cycle=4, ratio=0.5):
     *     L = np.ones(n_iter) * stop
     *     period = n_iter/n_cycle
     *     step = (stop-start)/(period*ratio)
     *     for c in range(n_cycle):
     *         v, i = start, 0
     *         while v &lt;= stop and (int(i+c*period) &lt; n_iter):
     *             L[int(i+c*period)] = v
     *             v += step
     *             i += 1
     *     return L
     * </pre>
     */
    static double[] frangeCycleLinear(int nIter, double start, double stop, int nCycle, double ratio) {
        double[] values = new double[nIter];
        Arrays.fill(values, stop);
        double period = (double) nIter / nCycle;
        double step = (stop - start) / (period * ratio);
        for (int c = 0; c < nCycle; c++) {
            double v = start;
            int i = 0;
            while (v <= stop && (int) (i + c * period) < nIter) {
                values[(int) (i + c * period)] = v;
                v += step;
                i++;
            }
        }
        return values;
    }

    @ParameterizedTest(name = "T = {0}, M = {1}, R = {2}, beta = {3}")
    @CsvSource({
            "100, 4, 0.5, 1", // the paper's setting on a short run
            "1000, 4, 0.5, 1",
            "1000, 4, 0.5, 2.5", // beta scales the reference's stop = 1
            "1000, 1, 0.5, 1", // one cycle: a plain warm-up over half the run
            "1000, 3, 0.5, 1", // T/M not whole: cycles start at floor(c * T / M)
            "100, 7, 0.25, 1",
            "1000, 6, 1.0, 1", // R = 1: the weight rises for the whole cycle
            "10, 4, 0.5, 1",
            "9, 4, 0.5, 1", // eq. 6's ceil(T/M) = 3 would fit only three cycles
            "3, 4, 0.5, 1", // fewer steps than cycles
    })
    void matchesTheReferenceImplementationAtEveryStep(int total, int cycles, double ratio, double beta) {
        KlSchedule schedule = new CyclicalKlSchedule(new CyclicalConfig(cycles, ratio, beta));
        double[] reference = frangeCycleLinear(total, 0, 1, cycles, ratio);
        // a horizon of T steps, split over epochs in some way
        TrainingHorizon horizon = total % 4 == 0 ? new TrainingHorizon(total / 4, 4) : new TrainingHorizon(total, 1);
        for (int t = 0; t < total; t++) {
            assertWeighting(beta * reference[t], 0, schedule.at(t, horizon), "step " + t);
        }
    }

    @Test
    void thePapersSettingAtChosenSteps() {
        KlSchedule schedule = new CyclicalKlSchedule(new CyclicalConfig(4, 0.5, 2));
        TrainingHorizon horizon = new TrainingHorizon(100, 10); // T = 1000: cycles of 250 steps, ramps of 125
        assertWeighting(0, 0, schedule.at(0, horizon), "start of the first cycle");
        assertWeighting(2 * 62 / 125.0, 0, schedule.at(62, horizon), "middle of the first ramp");
        assertWeighting(2, 0, schedule.at(125, horizon), "end of the first ramp");
        assertWeighting(2, 0, schedule.at(249, horizon), "end of the first cycle");
        assertWeighting(0, 0, schedule.at(250, horizon), "start of the second cycle");
        assertWeighting(2 * 50 / 125.0, 0, schedule.at(300, horizon), "in the second ramp");
        assertWeighting(0, 0, schedule.at(750, horizon), "start of the last cycle");
        assertWeighting(2, 0, schedule.at(999, horizon), "last step");
        assertWeighting(2, 0, schedule.at(1000, horizon), "after the run");
        assertWeighting(2, 0, schedule.at(1_000_000, horizon), "long after the run");
    }

    @Test
    void weightRisesWithinEachCycleAndDropsToZeroOnlyAtCycleStarts() {
        KlSchedule schedule = new CyclicalKlSchedule(new CyclicalConfig(5, 0.3, 1));
        TrainingHorizon horizon = new TrainingHorizon(77, 13); // T = 1001, not a multiple of M
        double previous = 0;
        int resets = 0;
        for (long t = 0; t < 1200; t++) {
            KlWeighting at = schedule.at(t, horizon);
            if (at.weight() < previous) {
                assertEquals(0, at.weight(), "step " + t);
                assertTrue(List.of(200L, 400L, 600L, 800L).contains(t), "cycles start at floor(c * T / M), not " + t);
                resets++;
            }
            assertTrue(at.weight() >= 0 && at.weight() <= 1, "step " + t);
            previous = at.weight();
        }
        assertEquals(4, resets, "five cycles, four restarts");
    }
}
