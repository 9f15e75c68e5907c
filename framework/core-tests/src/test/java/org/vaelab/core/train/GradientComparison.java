package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Analytic against numerical gradients, entry by entry, with the relative error of ND4J's
 * GradCheckUtil, {@code |a - n| / (|a| + |n|)}: an entry fails when both its relative error is
 * above {@code 1e-5} and its absolute error above {@code 1e-8}.
 */
final class GradientComparison {

    private static final double MAX_RELATIVE_ERROR = 1e-5;
    private static final double MIN_ABSOLUTE_ERROR = 1e-8;
    /** Relative errors of gradients smaller than this are mostly rounding and are not reported. */
    private static final double REPORTED_MAGNITUDE = 1e-4;

    /** The central-difference step. */
    private static final double STEP = 1e-6;

    private final List<String> failures = new ArrayList<>();
    private int count;
    private double maxRelativeError;
    private double maxAbsoluteError;
    private double largestAnalytic;

    /**
     * Each of {@code analytic}'s gradients of the {@link VaeGraph#LOSS} of {@code sd} (a graph in
     * double precision) on {@code feed}, against central differences of the loss in every value of
     * every one of {@code parameters}, computed once for all.
     */
    @SafeVarargs
    static List<GradientComparison> of(SameDiff sd, Map<String, INDArray> feed, List<String> parameters,
                                       Map<String, INDArray>... analytic) {
        return of(sd, feed, parameters, VaeGraph.LOSS, analytic);
    }

    /** As {@link #of(SameDiff, Map, List, Map[])}, against central differences of the output {@code loss}. */
    @SafeVarargs
    static List<GradientComparison> of(SameDiff sd, Map<String, INDArray> feed, List<String> parameters, String loss,
                                       Map<String, INDArray>... analytic) {
        List<GradientComparison> comparisons = new ArrayList<>();
        for (int a = 0; a < analytic.length; a++) {
            comparisons.add(new GradientComparison());
        }
        for (String name : parameters) {
            INDArray values = sd.getArrForVarName(name);
            List<INDArray> gradients = new ArrayList<>();
            for (Map<String, INDArray> gradient : analytic) {
                gradients.add(gradient.get(name).dup('c'));
            }
            for (long i = 0; i < values.length(); i++) {
                double original = values.getDouble(i);
                values.putScalar(i, original + STEP);
                double plus = value(sd, feed, loss);
                values.putScalar(i, original - STEP);
                double minus = value(sd, feed, loss);
                values.putScalar(i, original);
                for (int a = 0; a < analytic.length; a++) {
                    comparisons.get(a).add(name + "[" + i + "]", gradients.get(a).getDouble(i),
                            (plus - minus) / (2 * STEP));
                }
            }
        }
        return comparisons;
    }

    private static double value(SameDiff sd, Map<String, INDArray> feed, String output) {
        return sd.output(feed, output).get(output).getDouble(0);
    }

    void add(String entry, double analytic, double numerical) {
        count++;
        double absolute = Math.abs(analytic - numerical);
        double relative = absolute == 0 ? 0 : absolute / (Math.abs(analytic) + Math.abs(numerical));
        maxAbsoluteError = Math.max(maxAbsoluteError, absolute);
        largestAnalytic = Math.max(largestAnalytic, Math.abs(analytic));
        if (Math.abs(analytic) + Math.abs(numerical) > REPORTED_MAGNITUDE) {
            maxRelativeError = Math.max(maxRelativeError, relative);
        }
        if (relative > MAX_RELATIVE_ERROR && absolute > MIN_ABSOLUTE_ERROR) {
            failures.add(entry + ": analytic " + analytic + ", numerical " + numerical);
        }
    }

    int count() {
        return count;
    }

    List<String> failures() {
        return failures;
    }

    double largestAnalytic() {
        return largestAnalytic;
    }

    @Override
    public String toString() {
        return String.format("%d entries, max relative error %.2e, max absolute error %.2e, largest gradient %.3f",
                count, maxRelativeError, maxAbsoluteError, largestAnalytic);
    }
}
