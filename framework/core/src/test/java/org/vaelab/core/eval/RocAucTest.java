package org.vaelab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RocAuc} on cases whose area is known. */
class RocAucTest {

    @Test
    void scikitLearnsDocumentedExampleIsThreeQuarters() {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertEquals(0.75, RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}),
                1e-12);
    }

    @Test
    void perfectReversedAndTiedScores() {
        boolean[] labels = {false, true, false, true};
        assertEquals(1.0, RocAuc.of(new double[] {1, 5, 2, 7}, labels), 1e-12);
        assertEquals(0.0, RocAuc.of(new double[] {6, 1, 9, 2}, labels), 1e-12);
        assertEquals(0.5, RocAuc.of(new double[] {3, 3, 3, 3}, labels), 1e-12);
        // one positive tied with one of two negatives above the other: (1 + 0.5) / 2
        assertEquals(0.75, RocAuc.of(new double[] {1, 2, 2}, new boolean[] {false, true, false}), 1e-12);
    }

    @Test
    void equalsTheFractionOfPositiveNegativePairsInOrder() {
        SplittableRandom random = new SplittableRandom(3);
        double[] scores = new double[300];
        boolean[] positive = new boolean[300];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = random.nextInt(3) == 0;
            scores[i] = Math.round(random.nextGaussian() * 4 + (positive[i] ? 2 : 0)) / 2.0;
        }
        double pairs = 0;
        double favourable = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (positive[i] && !positive[j]) {
                    pairs++;
                    favourable += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(favourable / pairs, RocAuc.of(scores, positive), 1e-12);
    }

    @Test
    void needsBothClassesAndMatchingLengths() {
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {1, 2}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {1}, new boolean[] {true, false}));
        assertThrows(IllegalArgumentException.class,
                () -> RocAuc.of(new double[] {1, Double.NaN}, new boolean[] {true, false}));
    }
}
