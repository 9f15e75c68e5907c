package org.vaelab.core.eval.disentanglement;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The FactorVAE score of Kim and Mnih 2018, "Disentangling by Factorising" (ICML), section 4, as
 * disentanglement_lib's {@code factor_vae.compute_factor_vae} computes it: each code dimension's
 * variance is estimated on {@code varianceSamples} examples (unbiased), dimensions with variance
 * at most 0.05 are pruned as collapsed; each vote fixes a uniformly chosen factor {@code k}, draws
 * {@code batchSize} examples sharing its value, and votes for the active dimension whose variance
 * divided by its global variance is least; a majority-vote classifier maps each dimension to the
 * factor it got most votes from, trained on {@code trainPoints} votes and scored (accuracy) on
 * {@code testPoints} fresh ones. 0 when every dimension is collapsed.
 */
public final class FactorVaeScore {

    /** disentanglement_lib's {@code _prune_dims} threshold on a dimension's variance. */
    static final double COLLAPSED_VARIANCE = 0.05;

    private FactorVaeScore() {
    }

    /** The score of {@code pool}'s codes, in [0, 1]: the majority-vote classifier's test accuracy. */
    public static double of(FactorCodes pool, DisentanglementOptions options) {
        SplittableRandom random = new SplittableRandom(options.seed());
        double[] variances = Moments.variances(pool.draw(options.varianceSamples(), random).codes());
        int[] active = IntStream.range(0, variances.length)
                .filter(j -> variances[j] > COLLAPSED_VARIANCE).toArray();
        if (active.length == 0) {
            return 0;
        }
        long[][] training = votes(pool, options, variances, active, options.trainPoints(), random);
        long[][] test = votes(pool, options, variances, active, options.testPoints(), random);
        long correct = 0;
        long total = 0;
        for (int a = 0; a < active.length; a++) {
            int majority = 0;
            for (int k = 1; k < training.length; k++) {
                if (training[k][a] > training[majority][a]) {
                    majority = k;
                }
            }
            correct += test[majority][a];
            for (long[] factorVotes : test) {
                total += factorVotes[a];
            }
        }
        return (double) correct / total;
    }

    /** {@code votes[k][a]}: how often fixing factor {@code k} left active dimension {@code a} least variable. */
    private static long[][] votes(FactorCodes pool, DisentanglementOptions options, double[] variances, int[] active,
            int points, SplittableRandom random) {
        long[][] votes = new long[pool.factorCount()][active.length];
        double[][] batch = new double[options.batchSize()][];
        for (int point = 0; point < points; point++) {
            int k = random.nextInt(pool.factorCount());
            int anchor = pool.sample(random);
            for (int b = 0; b < batch.length; b++) {
                batch[b] = pool.code(pool.withSameValue(anchor, k, random));
            }
            double[] local = Moments.variances(batch);
            int least = 0;
            for (int a = 1; a < active.length; a++) {
                if (local[active[a]] / variances[active[a]] < local[active[least]] / variances[active[least]]) {
                    least = a;
                }
            }
            votes[k][least]++;
        }
        return votes;
    }
}
