package org.vaelab.core.eval.disentanglement;

import java.util.SplittableRandom;

/**
 * Disentanglement, completeness and informativeness of Eastwood and Williams 2018, "A Framework
 * for the Quantitative Evaluation of Disentangled Representations" (ICLR), section 3, as
 * disentanglement_lib's {@code dci.compute_dci} computes them from an importance matrix
 * {@code R} (code dimensions x factors) of tree ensembles predicting each factor from the codes
 * ({@link ImportanceMatrix}): with {@code P_jk = R_jk / sum_k R_jk},
 * {@code disentanglement = sum_j rho_j (1 - H_K(P_j.))}, {@code rho_j = sum_k R_jk / sum R}, and
 * with {@code Q_jk = R_jk / sum_j R_jk},
 * {@code completeness = sum_k rho_k (1 - H_D(Q_.k))}, {@code rho_k = sum_j R_jk / sum R}, entropies
 * to the base of the number of factors {@code K} and of dimensions {@code D}, 1e-11 added to every
 * importance as disentanglement_lib adds it; informativeness is the ensembles' mean accuracy.
 *
 * @param disentanglement whether each dimension captures at most one factor, in [0, 1]
 * @param completeness whether each factor is captured by a single dimension, in [0, 1]
 * @param informativenessTrain the ensembles' mean accuracy on their training points
 * @param informativenessTest the ensembles' mean accuracy on the test points
 */
public record DciScores(double disentanglement, double completeness, double informativenessTrain,
                        double informativenessTest) {

    private static final double EPSILON = 1e-11;

    /**
     * The scores of {@code pool}'s codes, from {@code trainPoints} and {@code testPoints} examples
     * drawn from its training and test parts ({@link FactorCodes#trainingAndTest}).
     */
    public static DciScores of(FactorCodes pool, DisentanglementOptions options) {
        SplittableRandom random = new SplittableRandom(options.seed());
        FactorCodes[] parts = pool.trainingAndTest(options);
        ImportanceMatrix importance = ImportanceMatrix.of(parts[0].draw(options.trainPoints(), random),
                parts[1].draw(options.testPoints(), random), options);
        return of(importance.importance(), importance.trainAccuracy(), importance.testAccuracy());
    }

    /** The scores of the importance matrix {@code importance} (dimensions x factors). */
    static DciScores of(double[][] importance, double trainAccuracy, double testAccuracy) {
        int dimensions = importance.length;
        int factors = importance[0].length;
        double total = 0;
        for (double[] row : importance) {
            for (double value : row) {
                total += value;
            }
        }
        boolean uniform = total == 0;
        double disentanglement = 0;
        for (int j = 0; j < dimensions; j++) {
            double[] row = importance[j];
            double weight = uniform ? 1.0 / dimensions : sum(row) / total;
            disentanglement += weight * (1 - entropy(row, factors));
        }
        double completeness = 0;
        for (int k = 0; k < factors; k++) {
            double[] column = new double[dimensions];
            for (int j = 0; j < dimensions; j++) {
                column[j] = importance[j][k];
            }
            double weight = uniform ? 1.0 / factors : sum(column) / total;
            completeness += weight * (1 - entropy(column, dimensions));
        }
        return new DciScores(disentanglement, completeness, trainAccuracy, testAccuracy);
    }

    /** scipy's {@code entropy(p + 1e-11, base=base)}: the entropy of {@code p + 1e-11}, normalised to sum 1. */
    private static double entropy(double[] weights, int base) {
        double sum = 0;
        for (double w : weights) {
            sum += w + EPSILON;
        }
        double entropy = 0;
        for (double w : weights) {
            double p = (w + EPSILON) / sum;
            entropy -= p * Math.log(p);
        }
        return base > 1 ? entropy / Math.log(base) : 0;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
