package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.vaelab.core.spec.EarlyStoppingSpec;

/**
 * The rule of {@code train.early_stopping}, the patience rule of Goodfellow, Bengio and Courville
 * (2016, "Deep Learning", algorithm 7.1; Prechelt 1998, "Early stopping - but when?"): the run ends
 * once the watched metric has gone {@code patience} evaluations without rising more than
 * {@code min_delta} above the best value that counted as an improvement. It depends on the logged
 * values alone, so a resumed run, replaying them from {@code metrics.csv}, stops where an
 * uninterrupted one does.
 */
final class EarlyStopping {

    private final EarlyStoppingSpec spec;
    private double reference = Double.NaN;
    private int referenceEpoch;
    private int waited;

    EarlyStopping(EarlyStoppingSpec spec) {
        this.spec = spec;
    }

    /** The rule having seen the watched metric's values in {@code metricsCsv} (a resumed run's, rewound). */
    static EarlyStopping replay(EarlyStoppingSpec spec, Path metricsCsv) throws IOException {
        EarlyStopping stopping = new EarlyStopping(spec);
        MetricSeries.byEpoch(metricsCsv, spec.metric()).forEach(stopping::observe);
        return stopping;
    }

    /** Takes the metric's value at the evaluation after {@code epoch}; returns whether the run ends there. */
    boolean observe(int epoch, double value) {
        if (Double.isNaN(reference) || value > reference + spec.minDelta()) {
            reference = value;
            referenceEpoch = epoch;
            waited = 0;
        } else {
            waited++;
        }
        return waited >= spec.patience();
    }

    /** Why the run ended after {@code epoch}, for the output and the run record. */
    String reason(int epoch) {
        return String.format(Locale.ROOT, "early stopping after epoch %d: %s has not risen more than %s above %.4f"
                + " (epoch %d) in %d evaluations", epoch, spec.metric(), spec.minDelta(), reference, referenceEpoch,
                waited);
    }
}
