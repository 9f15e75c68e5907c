package org.vaelab.core.artifacts;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Principal component analysis of a small number of variables (Pearson 1901; Jolliffe,
 * "Principal Component Analysis", 2002): the eigen-decomposition of the sample covariance matrix,
 * computed with the cyclic Jacobi method (Golub and Van Loan, "Matrix Computations", 4th ed.,
 * algorithm 8.5.3), which is exact to rounding for the symmetric matrices of a latent space's size.
 * The axes are ordered by decreasing variance, each signed so its largest-magnitude entry is
 * positive, so results are reproducible.
 */
public final class PrincipalComponents {

    private static final int MAX_SWEEPS = 100;

    private final double[] mean;
    private final double[][] axes;
    private final double[] variances;

    private PrincipalComponents(double[] mean, double[][] axes, double[] variances) {
        this.mean = mean;
        this.axes = axes;
        this.variances = variances;
    }

    /** The components of {@code count} rows of {@code dim} values each, row-major. */
    public static PrincipalComponents fit(float[] rows, int count, int dim) {
        if (count < 1 || rows.length != count * dim) {
            throw new IllegalArgumentException(rows.length + " values do not form " + count + " rows of " + dim);
        }
        double[] mean = new double[dim];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += rows[i * dim + j] / (double) count;
            }
        }
        double[][] covariance = new double[dim][dim];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dim; j++) {
                double dj = rows[i * dim + j] - mean[j];
                for (int k = 0; k <= j; k++) {
                    covariance[j][k] += dj * (rows[i * dim + k] - mean[k]);
                }
            }
        }
        for (int j = 0; j < dim; j++) {
            for (int k = 0; k <= j; k++) {
                covariance[j][k] /= Math.max(1, count - 1);
                covariance[k][j] = covariance[j][k];
            }
        }
        return ofCovariance(mean, covariance);
    }

    private static PrincipalComponents ofCovariance(double[] mean, double[][] covariance) {
        int n = mean.length;
        double[][] vectors = new double[n][n];
        for (int i = 0; i < n; i++) {
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(covariance) > 1e-30 * norm(covariance); sweep++) {
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(covariance, vectors, p, q);
                }
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -covariance[i][i]).thenComparing(i -> i));
        double[][] axes = new double[n][n];
        double[] variances = new double[n];
        for (int k = 0; k < n; k++) {
            int column = order[k];
            variances[k] = Math.max(0, covariance[column][column]);
            int largest = 0;
            for (int i = 0; i < n; i++) {
                axes[k][i] = vectors[i][column];
                if (Math.abs(axes[k][i]) > Math.abs(axes[k][largest])) {
                    largest = i;
                }
            }
            if (axes[k][largest] < 0) {
                for (int i = 0; i < n; i++) {
                    axes[k][i] = -axes[k][i];
                }
            }
        }
        return new PrincipalComponents(mean, axes, variances);
    }

    /**
     * One Jacobi rotation {@code A <- J^T A J} in the (p, q) plane that zeroes {@code A[p][q]}
     * (Golub and Van Loan, algorithm 8.5.1), accumulated into {@code vectors <- vectors J}.
     */
    private static void rotate(double[][] a, double[][] vectors, int p, int q) {
        if (a[p][q] == 0) {
            return;
        }
        double tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        double c = 1 / Math.sqrt(1 + t * t);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double kp = a[k][p];
            double kq = a[k][q];
            a[k][p] = c * kp - s * kq;
            a[k][q] = s * kp + c * kq;
        }
        for (int k = 0; k < n; k++) {
            double pk = a[p][k];
            double qk = a[q][k];
            a[p][k] = c * pk - s * qk;
            a[q][k] = s * pk + c * qk;
        }
        for (int k = 0; k < n; k++) {
            double kp = vectors[k][p];
            double kq = vectors[k][q];
            vectors[k][p] = c * kp - s * kq;
            vectors[k][q] = s * kp + c * kq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                sum += i == j ? 0 : a[i][j] * a[i][j];
            }
        }
        return sum;
    }

    private static double norm(double[][] a) {
        return Arrays.stream(a).flatMapToDouble(Arrays::stream).map(v -> v * v).sum();
    }

    /** The unit vector of principal axis {@code k} (0 has the largest variance). */
    public double[] axis(int k) {
        return axes[k].clone();
    }

    /** The variance along axis {@code k}: the covariance matrix's k-th largest eigenvalue. */
    public double variance(int k) {
        return variances[k];
    }

    /** The share of the total variance along axis {@code k}, 0 when there is no variance at all. */
    public double varianceFraction(int k) {
        double total = Arrays.stream(variances).sum();
        return total > 0 ? variances[k] / total : 0;
    }

    /**
     * The coordinates of {@code count} rows (row-major) on the first {@code components} axes,
     * {@code [count][components]}.
     */
    public double[][] project(float[] rows, int count, int components) {
        int dim = mean.length;
        double[][] projected = new double[count][components];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < components; k++) {
                double sum = 0;
                for (int j = 0; j < dim; j++) {
                    sum += (rows[i * dim + j] - mean[j]) * axes[k][j];
                }
                projected[i][k] = sum;
            }
        }
        return projected;
    }
}
