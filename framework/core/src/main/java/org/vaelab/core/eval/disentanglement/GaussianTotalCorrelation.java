package org.vaelab.core.eval.disentanglement;

import java.util.SplittableRandom;

/**
 * The total correlation of a Gaussian with the covariance of the codes:
 * {@code TC = KL(N(mu, S) || prod_j N(mu_j, S_jj)) = 1/2 (sum_j log S_jj - log det S)}, as
 * disentanglement_lib's {@code unsupervised_metrics.gaussian_total_correlation} computes it from
 * {@code np.cov} (the unbiased covariance) of {@code trainPoints} drawn codes: the dependence
 * between code dimensions that the aggregate posterior's total correlation penalty of Chen et al.
 * 2018 ("Isolating Sources of Disentanglement in Variational Autoencoders") targets, in nats;
 * 0 for uncorrelated dimensions.
 */
public final class GaussianTotalCorrelation {

    private GaussianTotalCorrelation() {
    }

    /** The Gaussian total correlation of {@code trainPoints} codes drawn from {@code pool}. */
    public static double of(FactorCodes pool, DisentanglementOptions options) {
        return ofCodes(pool.draw(options.trainPoints(), new SplittableRandom(options.seed())).codes());
    }

    /**
     * The Gaussian total correlation of the unbiased covariance of {@code codes}; infinite when the
     * covariance is singular (a dimension a linear function of others).
     */
    public static double ofCodes(double[][] codes) {
        double[][] covariance = covariance(codes);
        double sumLogDiagonal = 0;
        for (int j = 0; j < covariance.length; j++) {
            sumLogDiagonal += Math.log(covariance[j][j]);
        }
        return 0.5 * (sumLogDiagonal - logDeterminant(covariance));
    }

    static double[][] covariance(double[][] codes) {
        int n = codes.length;
        int d = codes[0].length;
        double[] mean = new double[d];
        for (double[] code : codes) {
            for (int j = 0; j < d; j++) {
                mean[j] += code[j] / n;
            }
        }
        double[][] covariance = new double[d][d];
        for (double[] code : codes) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    covariance[a][b] += (code[a] - mean[a]) * (code[b] - mean[b]) / (n - 1);
                }
            }
        }
        return covariance;
    }

    /** {@code log det} of a symmetric matrix by its Cholesky factor; minus infinity unless positive definite. */
    private static double logDeterminant(double[][] matrix) {
        int d = matrix.length;
        double[][] factor = new double[d][d];
        double logDeterminant = 0;
        for (int j = 0; j < d; j++) {
            double pivot = matrix[j][j];
            for (int m = 0; m < j; m++) {
                pivot -= factor[j][m] * factor[j][m];
            }
            if (!(pivot > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            factor[j][j] = Math.sqrt(pivot);
            logDeterminant += Math.log(pivot);
            for (int i = j + 1; i < d; i++) {
                double sum = matrix[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= factor[i][m] * factor[j][m];
                }
                factor[i][j] = sum / factor[j][j];
            }
        }
        return logDeterminant;
    }
}
