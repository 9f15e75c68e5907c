package org.vaelab.core.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The decisions of synchronous successive halving (Jamieson and Talwalkar 2016, "Non-stochastic
 * best arm identification and hyperparameter optimization"; the rungs of Li et al. 2018's ASHA,
 * made synchronous so that no decision depends on which trial finished first): every trial trains
 * to the first rung's epoch, the best 1/eta of them by the watched metric continue to the next
 * rung, and so on to the last epoch. A decision depends on the rung's values alone, ties going to
 * the first trial by name, so the same logged metrics give the same decisions in any process.
 *
 * <p>The rule only: {@link PrunedSweep} runs the rungs.
 *
 * @param minEpochs the first rung's epoch, r
 * @param eta the reduction factor: a rung keeps 1/eta of its trials and is eta times as long
 */
record SuccessiveHalving(int minEpochs, int eta) {

    SuccessiveHalving {
        if (minEpochs < 1 || eta < 2) {
            throw new IllegalArgumentException("successive halving needs min_epochs >= 1 and eta >= 2, found "
                    + minEpochs + " and " + eta);
        }
    }

    /** The rungs' epochs for trials of {@code epochs} epochs: r, r*eta, r*eta^2, ... below it, then it. */
    List<Integer> rungs(int epochs) {
        List<Integer> rungs = new ArrayList<>();
        for (long rung = minEpochs; rung < epochs; rung *= eta) {
            rungs.add((int) rung);
        }
        rungs.add(epochs);
        return rungs;
    }

    /**
     * The trials that continue past a rung, best first: of {@code atRung} (each trial that reached
     * the rung, by name, with the metric's value there, higher better; NaN where it has none), the
     * best {@code floor(n / eta)}, at least one. A trial without a finite value never continues.
     */
    List<String> continuing(Map<String, Double> atRung) {
        int keep = Math.max(1, atRung.size() / eta);
        return atRung.entrySet().stream().filter(trial -> Double.isFinite(trial.getValue()))
                .sorted(Comparator.comparing(Map.Entry<String, Double>::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(keep).map(Map.Entry::getKey).toList();
    }
}
