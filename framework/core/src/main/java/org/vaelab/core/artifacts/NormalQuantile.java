package org.vaelab.core.artifacts;

/**
 * The inverse of the standard normal CDF, by Peter J. Acklam's rational approximation ("An
 * algorithm for computing the inverse normal cumulative distribution function", 2003): one rational
 * function of {@code p - 1/2} in the central region {@code [0.02425, 0.97575]} and one of
 * {@code sqrt(-2 log p)} in each tail, with a relative error below 1.15e-9 everywhere.
 */
public final class NormalQuantile {

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    private NormalQuantile() {
    }

    /** The z with {@code Phi(z) = p}, for {@code 0 < p < 1}. */
    public static double of(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a probability strictly between 0 and 1 is needed, got " + p);
        }
        if (p < P_LOW) {
            return tail(Math.sqrt(-2 * Math.log(p)));
        }
        if (p > 1 - P_LOW) {
            return -tail(Math.sqrt(-2 * Math.log1p(-p)));
        }
        double q = p - 0.5;
        double r = q * q;
        return polynomial(A, r) * q / (polynomial(B, r) * r + 1);
    }

    /** The lower-tail approximation at {@code q = sqrt(-2 log p)}. */
    private static double tail(double q) {
        return polynomial(C, q) / (polynomial(D, q) * q + 1);
    }

    /** {@code c[0] x^(n-1) + ... + c[n-1]} by Horner's rule. */
    private static double polynomial(double[] coefficients, double x) {
        double value = 0;
        for (double c : coefficients) {
            value = value * x + c;
        }
        return value;
    }
}
