package org.vaelab.core.eval.disentanglement;

/**
 * Sample sizes and seed of the disentanglement metrics; {@link #DEFAULTS} are disentanglement_lib's
 * (its {@code evaluation} gin configurations: 10,000 training and 5,000 test points, batches of 64,
 * 10,000 points for FactorVAE's variances, 20 histogram bins for MIG).
 *
 * @param trainPoints the points classifiers are trained on (and MIG's sample)
 * @param testPoints the points classifiers are scored on
 * @param batchSize the pairs (beta-VAE) or examples (FactorVAE) behind one training point
 * @param varianceSamples the examples FactorVAE's global variances are estimated from
 * @param bins the bins of MIG's histogram discretisation of each code dimension
 * @param trees the trees of DCI's random forests
 * @param seed the seed of every draw and classifier
 */
public record DisentanglementOptions(int trainPoints, int testPoints, int batchSize, int varianceSamples, int bins,
                                     int trees, long seed) {

    /** disentanglement_lib's sample sizes, 10 trees, seed 0. */
    public static final DisentanglementOptions DEFAULTS = new DisentanglementOptions(10_000, 5_000, 64, 10_000, 20,
            10, 0);

    public DisentanglementOptions {
        if (trainPoints < 2 || testPoints < 1 || batchSize < 2 || varianceSamples < 2 || bins < 2 || trees < 1) {
            throw new IllegalArgumentException("sample sizes too small: " + trainPoints + ", " + testPoints + ", "
                    + batchSize + ", " + varianceSamples + ", " + bins + ", " + trees);
        }
    }
}
