package org.vaelab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link RunningLogSumExp} is the log-sum-exp, in any order of terms and far outside
 * the range where {@code exp} is representable: terms around -1000 or +1000 nats, where a naive
 * sum underflows to 0 or overflows to infinity, give the closed form; minus infinity adds nothing;
 * NaN poisons its row only.
 */
class RunningLogSumExpTest {

    @Test
    void agreesWithTheDirectSumWhereThatIsRepresentable() {
        SplittableRandom random = new SplittableRandom(1);
        double[] terms = new double[200];
        double direct = 0;
        RunningLogSumExp sums = new RunningLogSumExp(1);
        for (int k = 0; k < terms.length; k++) {
            terms[k] = random.nextDouble(-30, 30);
            direct += Math.exp(terms[k]);
            sums.add(0, terms[k]);
        }
        assertEquals(Math.log(direct), sums.logSum(0), 1e-12);
    }

    @Test
    void staysFiniteFarFromZero() {
        RunningLogSumExp sums = new RunningLogSumExp(3);
        for (int k = 0; k < 1000; k++) {
            sums.add(0, -1000.0);
            sums.add(1, 1000.0 - k * 1e-3);
        }
        sums.add(2, -2000.0);
        sums.add(2, -2000.0 + Math.log(3));
        assertEquals(-1000.0 + Math.log(1000), sums.logSum(0), 1e-9, "equal terms far below 0");
        double expected = 1000.0 + Math.log((1 - Math.exp(-1.0)) / (1 - Math.exp(-1e-3)));
        assertEquals(expected, sums.logSum(1), 1e-9, "rising terms far above 0");
        assertEquals(-2000.0 + Math.log(4), sums.logSum(2), 1e-9, "a larger term after a smaller one");
    }

    @Test
    void minusInfinityAddsNothingAndNanStaysInItsRow() {
        RunningLogSumExp sums = new RunningLogSumExp(3);
        sums.add(0, Double.NEGATIVE_INFINITY);
        assertEquals(Double.NEGATIVE_INFINITY, sums.logSum(0), "only minus infinity");
        sums.add(0, 2.0);
        sums.add(0, Double.NEGATIVE_INFINITY);
        assertEquals(2.0, sums.logSum(0), 1e-15);
        sums.add(1, 1.0);
        sums.add(1, Double.NaN);
        sums.add(1, 5.0);
        assertTrue(Double.isNaN(sums.logSum(1)), "NaN poisons its row");
        assertEquals(Double.NEGATIVE_INFINITY, sums.logSum(2), "an empty row");
    }
}
