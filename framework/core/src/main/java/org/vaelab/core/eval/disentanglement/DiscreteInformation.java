package org.vaelab.core.eval.disentanglement;

/**
 * Entropy and mutual information of discrete variables from their empirical joint distribution,
 * in nats: scikit-learn's {@code mutual_info_score}, which disentanglement_lib's
 * {@code discrete_mutual_info} and {@code discrete_entropy} call.
 */
final class DiscreteInformation {

    private DiscreteInformation() {
    }

    /**
     * {@code I(a; b) = sum p(a, b) log(p(a, b) / (p(a) p(b)))} over the observed pairs.
     *
     * @param a values in {@code [0, aSize)}
     * @param b values in {@code [0, bSize)}, one per value of {@code a}
     */
    static double mutualInformation(int[] a, int aSize, int[] b, int bSize) {
        double[][] joint = new double[aSize][bSize];
        double[] marginalA = new double[aSize];
        double[] marginalB = new double[bSize];
        for (int i = 0; i < a.length; i++) {
            joint[a[i]][b[i]]++;
            marginalA[a[i]]++;
            marginalB[b[i]]++;
        }
        double n = a.length;
        double information = 0;
        for (int x = 0; x < aSize; x++) {
            for (int y = 0; y < bSize; y++) {
                if (joint[x][y] > 0) {
                    information += joint[x][y] / n * Math.log(joint[x][y] * n / (marginalA[x] * marginalB[y]));
                }
            }
        }
        return Math.max(0, information);
    }

    /** {@code H(a) = I(a; a)}. */
    static double entropy(int[] a, int aSize) {
        return mutualInformation(a, aSize, a, aSize);
    }
}
