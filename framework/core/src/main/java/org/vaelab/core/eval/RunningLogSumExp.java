package org.vaelab.core.eval;

import java.util.Arrays;

/**
 * {@code log sum_k exp(a_k)} for each of several rows, accumulated one term at a time without
 * overflow or underflow: each row keeps its largest term m and {@code s = sum_k exp(a_k - m)},
 * rescaling s when a larger term arrives, so {@code log sum = m + log s} with {@code 1 <= s}.
 * Terms of minus infinity add nothing; a NaN term makes the row NaN.
 */
final class RunningLogSumExp {

    private final double[] max;
    private final double[] scaledSum;

    /** Rows that start empty (their log-sum is minus infinity). */
    RunningLogSumExp(int rows) {
        max = new double[rows];
        scaledSum = new double[rows];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Adds the term {@code exp(logTerm)} to row {@code row}. */
    void add(int row, double logTerm) {
        if (logTerm == Double.NEGATIVE_INFINITY) {
            return;
        }
        if (logTerm <= max[row]) {
            scaledSum[row] += Math.exp(logTerm - max[row]);
        } else {
            scaledSum[row] = scaledSum[row] * Math.exp(max[row] - logTerm) + 1;
            max[row] = logTerm;
        }
    }

    /** {@code log sum exp} of the terms added to row {@code row}. */
    double logSum(int row) {
        return max[row] + Math.log(scaledSum[row]);
    }
}
