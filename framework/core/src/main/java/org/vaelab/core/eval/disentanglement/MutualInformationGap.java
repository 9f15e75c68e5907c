package org.vaelab.core.eval.disentanglement;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The mutual information gap of Chen, Li, Grosse and Duvenaud 2018, "Isolating Sources of
 * Disentanglement in Variational Autoencoders" (NeurIPS), equation 6, as disentanglement_lib's
 * {@code mig.compute_mig} computes it: on {@code trainPoints} drawn examples, each code dimension
 * is discretised into {@code bins} equal-width bins between its minimum and maximum (numpy's
 * {@code histogram} edges, {@code digitize}d), and
 * {@code MIG = 1/K sum_k (I(z_(1); v_k) - I(z_(2); v_k)) / H(v_k)}, with {@code z_(1)} and
 * {@code z_(2)} the two dimensions sharing most information with factor {@code v_k}. Factors that
 * take a single value in the sample (zero entropy, where disentanglement_lib divides by zero) are
 * left out of the mean.
 */
public final class MutualInformationGap {

    private MutualInformationGap() {
    }

    /** MIG of {@code pool}'s codes, in [0, 1]. */
    public static double of(FactorCodes pool, DisentanglementOptions options) {
        FactorCodes sample = pool.draw(options.trainPoints(), new SplittableRandom(options.seed()));
        double[][] information = normalizedInformation(sample, options.bins());
        int dimensions = sample.codeDimensions();
        double sum = 0;
        int counted = 0;
        for (int k = 0; k < sample.factorCount(); k++) {
            if (DiscreteInformation.entropy(sample.factorColumn(k), sample.factorSize(k)) <= 0) {
                continue;
            }
            int factor = k;
            double[] shares = IntStream.range(0, dimensions).mapToDouble(j -> information[j][factor]).sorted()
                    .toArray();
            sum += shares[dimensions - 1] - (dimensions > 1 ? shares[dimensions - 2] : 0);
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /**
     * For each code dimension {@code j} and factor {@code k} of {@code sample}, the share of the
     * factor's entropy the dimension holds, {@code I(z_j; v_k) / H(v_k)} in [0, 1], with each
     * dimension discretised into {@code bins} bins as for the MIG; 0 for a factor of zero entropy.
     */
    public static double[][] normalizedInformation(FactorCodes sample, int bins) {
        int dimensions = sample.codeDimensions();
        int[][] discrete = new int[dimensions][];
        for (int j = 0; j < dimensions; j++) {
            discrete[j] = discretise(sample.codeColumn(j), bins);
        }
        double[][] information = new double[dimensions][sample.factorCount()];
        for (int k = 0; k < sample.factorCount(); k++) {
            int[] factor = sample.factorColumn(k);
            double entropy = DiscreteInformation.entropy(factor, sample.factorSize(k));
            for (int j = 0; j < dimensions && entropy > 0; j++) {
                information[j][k] = DiscreteInformation.mutualInformation(discrete[j], bins, factor,
                        sample.factorSize(k)) / entropy;
            }
        }
        return information;
    }

    /**
     * The bin of each value, 0 to {@code bins - 1}: one less than the number of the left edges
     * {@code min + b (max - min) / bins}, {@code b = 0 .. bins - 1}, at or below it (numpy's
     * {@code digitize(x, histogram(x, bins)[1][:-1]) - 1}); a constant column falls in one bin.
     */
    static int[] discretise(double[] values, int bins) {
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        int[] discrete = new int[values.length];
        if (max == min) {
            return discrete;
        }
        double[] edges = new double[bins];
        for (int b = 0; b < bins; b++) {
            edges[b] = min + b * (max - min) / bins;
        }
        for (int i = 0; i < values.length; i++) {
            int bin = Arrays.binarySearch(edges, values[i]);
            discrete[i] = bin >= 0 ? bin : -bin - 2;
        }
        return discrete;
    }
}
