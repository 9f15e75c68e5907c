package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import org.vaelab.core.spec.LearningRateScheduleSpec;
import org.vaelab.core.spec.LearningRateScheduleSpec.ThresholdMode;

/**
 * The rule of {@code train.lr_schedule: {type: reduce_on_plateau}}, PyTorch's
 * {@code ReduceLROnPlateau} in mode max: after each evaluation, a value above
 * {@code best + threshold * |best|} (rel) or {@code best + threshold} (abs) is the new best and
 * resets the count of bad evaluations, any other adds one; during the {@code cooldown} evaluations
 * after a reduction the count stays 0; once it exceeds {@code patience}, the learning rate becomes
 * {@code max(lr * factor, min_lr)} (unless that changes it by less than 1e-8), the count goes back
 * to 0 and the cooldown starts. The one departure: PyTorch's rel threshold in mode max is
 * {@code best * (1 + threshold)}, which for a negative metric such as the ELBO lies below the best,
 * so a flat ELBO would count as rising forever; {@code |best|} keeps it above, and equals PyTorch's
 * for positive metrics. The rule depends on the logged values alone, so a resumed run, replaying
 * them from {@code metrics.csv}, has the rate an uninterrupted one has.
 */
final class ReduceOnPlateau {

    /** The smallest change of the rate that is made, PyTorch's {@code eps}. */
    private static final double EPS = 1e-8;

    private final LearningRateScheduleSpec spec;
    private final double initialRate;
    private double rate;
    private double best = Double.NEGATIVE_INFINITY;
    private int bad;
    private int cooldownLeft;

    /** @param initialRate the optimizer's learning rate at the first step */
    ReduceOnPlateau(LearningRateScheduleSpec spec, double initialRate) {
        this.spec = spec;
        this.initialRate = initialRate;
        this.rate = initialRate;
    }

    /** The rule having seen the watched metric's values in {@code metricsCsv} (a resumed run's, rewound). */
    static ReduceOnPlateau replay(LearningRateScheduleSpec spec, double initialRate, Path metricsCsv)
            throws IOException {
        ReduceOnPlateau plateau = new ReduceOnPlateau(spec, initialRate);
        MetricSeries.byEpoch(metricsCsv, spec.metric()).values().forEach(plateau::observe);
        return plateau;
    }

    /** Takes the metric's value at an evaluation; returns whether the rate was reduced. */
    boolean observe(double value) {
        if (better(value)) {
            best = value;
            bad = 0;
        } else {
            bad++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            bad = 0;
        }
        if (bad <= spec.patience()) {
            return false;
        }
        bad = 0;
        cooldownLeft = spec.cooldown();
        double reduced = Math.max(rate * spec.factor(), spec.minLr());
        if (rate - reduced <= EPS) {
            return false;
        }
        rate = reduced;
        return true;
    }

    /** The learning rate now. */
    double rate() {
        return rate;
    }

    /** The learning rate now over the first: what the optimizer's own rate is multiplied by. */
    double scale() {
        return rate / initialRate;
    }

    private boolean better(double value) {
        if (best == Double.NEGATIVE_INFINITY) {
            return value > best;
        }
        double margin = spec.thresholdMode() == ThresholdMode.REL ? spec.threshold() * Math.abs(best)
                : spec.threshold();
        return value > best + margin;
    }
}
