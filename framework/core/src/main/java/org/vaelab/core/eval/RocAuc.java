package org.vaelab.core.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve of a score that should be higher for positive examples: the
 * probability that a random positive scores above a random negative, ties counting one half. It is
 * computed as the Mann-Whitney U statistic over {@code n+ * n-} (Hanley and McNeil 1982, "The
 * meaning and use of the area under a receiver operating characteristic (ROC) curve"), from the
 * ranks of the scores with tied scores given their mean rank, in O(n log n).
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * The AUC of {@code scores} for telling {@code positive} examples from the others.
     *
     * @throws IllegalArgumentException when the arrays differ in length, a score is NaN, or one
     *     of the two classes is empty
     */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " labels");
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        long positives = 0;
        double positiveRankSum = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                end++;
            }
            double meanRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                if (positive[order[k]]) {
                    positives++;
                    positiveRankSum += meanRank;
                }
            }
            start = end;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("the AUC needs positive and negative examples, found " + positives
                    + " positive and " + negatives + " negative");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
