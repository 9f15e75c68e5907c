package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The decisions of synchronous successive halving on synthetic learning curves of a known ranking. */
class SuccessiveHalvingTest {

    private static final SuccessiveHalving RULE = new SuccessiveHalving(1, 3);

    @Test
    void rungsAreMinEpochsTimesPowersOfEtaThenTheLastEpoch() {
        assertEquals(List.of(1, 3, 9), RULE.rungs(9));
        assertEquals(List.of(1, 3, 9, 10), RULE.rungs(10));
        assertEquals(List.of(2, 8, 20), new SuccessiveHalving(2, 4).rungs(20));
        assertEquals(List.of(5), new SuccessiveHalving(5, 3).rungs(5));
        assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalving(1, 1));
    }

    @Test
    void curvesThatNeverCrossLeaveTheBestTrialAloneAtTheLastRung() {
        // trial i's validation ELBO after t epochs is -100 - c_i / t: the smaller c_i, the better at
        // every epoch; the c_i are a shuffled 1..9, so the ranking is known but not the names' order
        List<Integer> c = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
        Collections.shuffle(c, new Random(3));
        List<IntToDoubleFunction> curves = new ArrayList<>();
        c.forEach(ci -> curves.add(t -> -100 - ci / (double) t));
        List<String> alive = names(9);
        for (int rung : RULE.rungs(9)) {
            Map<String, Double> atRung = new LinkedHashMap<>();
            alive.forEach(name -> atRung.put(name, curves.get(index(name)).applyAsDouble(rung)));
            alive = RULE.continuing(atRung);
        }
        assertEquals(List.of(names(9).get(c.indexOf(1))), alive, "9 trials, then 3, then the best one");
    }

    @Test
    void aRungKeepsTheBestThirdBestFirstAndTiesGoToTheFirstName() {
        Map<String, Double> atRung = new LinkedHashMap<>();
        atRung.put("t005", -90.0);
        atRung.put("t001", -95.0);
        atRung.put("t004", -90.0);
        atRung.put("t000", -120.0);
        atRung.put("t002", Double.NaN);
        atRung.put("t003", -99.0);
        assertEquals(List.of("t004", "t005"), RULE.continuing(atRung), "6 / 3 = 2 trials; t004 before t005");
        List<String> backwards = new ArrayList<>(atRung.keySet());
        Collections.reverse(backwards);
        Map<String, Double> reversed = new LinkedHashMap<>();
        backwards.forEach(name -> reversed.put(name, atRung.get(name)));
        assertEquals(RULE.continuing(atRung), RULE.continuing(reversed), "the order the trials came in is no matter");
        assertEquals(List.of("t001"), RULE.continuing(Map.of("t001", -95.0, "t000", -120.0)), "at least one");
        assertEquals(List.of(), RULE.continuing(Map.of("t002", Double.NaN)), "never one without a value");
    }

    @Test
    void aLateBloomerIsPrunedAtTheFirstRung() {
        // successive halving's known bias (Li et al. 2018, section 3): a trial slow to start but best
        // at the end loses to fast starters at an early rung
        Map<String, Double> atFirstRung = new LinkedHashMap<>();
        atFirstRung.put("t000", -150.0);
        atFirstRung.put("t001", -120.0);
        atFirstRung.put("t002", -125.0);
        assertEquals(List.of("t001"), RULE.continuing(atFirstRung), "t000 would have ended best at -80");
    }

    private static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.format("t%03d", i));
        }
        return names;
    }

    private static int index(String name) {
        return Integer.parseInt(name.substring(1));
    }
}
