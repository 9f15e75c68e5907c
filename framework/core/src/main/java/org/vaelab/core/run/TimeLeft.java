package org.vaelab.core.run;

import java.util.Locale;
import org.vaelab.core.spec.EvalSpec;

/**
 * The whole run's time left, estimated after each epoch: the epochs left at the mean pace of those
 * this process has run, plus the final importance-weighted estimate at the pace of the last test
 * evaluation. The estimate draws K samples for each of its examples (Burda et al. 2016, eq. 8),
 * about the work of K test passes over them, each of which draws one.
 */
public final class TimeLeft {

    private final int epochs;
    private final int iwaeSamples;
    private final double iwaeShareOfTest;
    private double epochSeconds;
    private int epochsTimed;
    private double testPassSeconds = Double.NaN;

    /**
     * @param epochs the run's last epoch
     * @param eval the evaluation asked for
     * @param testSize the test split's size
     */
    TimeLeft(int epochs, EvalSpec eval, int testSize) {
        this.epochs = epochs;
        this.iwaeSamples = eval.iwaeSamples();
        int examples = eval.iwaeExamples() == 0 ? testSize : Math.min(eval.iwaeExamples(), testSize);
        this.iwaeShareOfTest = testSize == 0 ? 0 : (double) examples / testSize;
    }

    /**
     * Counts an epoch that took {@code seconds} in all, of which {@code testSeconds} for one pass over
     * the test split (NaN when it had no evaluation).
     */
    void epochDone(double seconds, double testSeconds) {
        epochSeconds += seconds;
        epochsTimed++;
        if (!Double.isNaN(testSeconds)) {
            testPassSeconds = testSeconds;
        }
    }

    /** The seconds left after {@code epoch}: its epochs and, when timed, the final estimate. */
    double seconds(int epoch) {
        double training = epochsTimed == 0 ? 0 : epochSeconds / epochsTimed * (epochs - epoch);
        double estimate = Double.isNaN(testPassSeconds) ? 0 : testPassSeconds * iwaeSamples * iwaeShareOfTest;
        return training + estimate;
    }

    /** {@code seconds} for people: "45 s", "3 min 05 s", "2 h 07 min". */
    public static String format(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }
}
