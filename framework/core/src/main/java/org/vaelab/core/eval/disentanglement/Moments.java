package org.vaelab.core.eval.disentanglement;

/** Per-dimension statistics of a set of codes. */
final class Moments {

    private Moments() {
    }

    /** The unbiased variance of each dimension of {@code codes} (numpy's {@code var(ddof=1)}). */
    static double[] variances(double[][] codes) {
        int d = codes[0].length;
        double[] mean = new double[d];
        for (double[] code : codes) {
            for (int j = 0; j < d; j++) {
                mean[j] += code[j];
            }
        }
        double[] variance = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] /= codes.length;
        }
        for (double[] code : codes) {
            for (int j = 0; j < d; j++) {
                variance[j] += (code[j] - mean[j]) * (code[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            variance[j] /= codes.length - 1;
        }
        return variance;
    }
}
