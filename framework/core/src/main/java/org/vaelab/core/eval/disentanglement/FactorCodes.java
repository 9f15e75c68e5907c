package org.vaelab.core.eval.disentanglement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The codes a model gives a pool of examples and the ground-truth factors of those examples: the
 * input of every disentanglement metric. disentanglement_lib draws fresh observations from the
 * generative process for each metric; here they are drawn from the pool, uniformly with
 * replacement ({@link #sample}), and "observations sharing factor k's value" are drawn from the
 * pool's examples with that value ({@link #withSameValue}); when the pool is a uniform sample of
 * the factor grid these draws have the distribution of disentanglement_lib's. Metrics that score a
 * classifier draw its training points from the first part of the pool and its test points from the
 * rest ({@link #part}), so that no example is in both, as it rarely is in disentanglement_lib's
 * draws from a large dataset; the pool's order should be random.
 */
public final class FactorCodes {

    private final double[][] codes;
    private final int[][] factors;
    private final int[] factorSizes;
    private final List<List<int[]>> groups;

    /**
     * @param codes one code (posterior mean) per example; not copied
     * @param factors the factor indices of each example, {@code factors[i][k]} in
     *     {@code [0, factorSizes[k])}; not copied
     * @param factorSizes the number of values of each factor
     */
    public FactorCodes(double[][] codes, int[][] factors, int[] factorSizes) {
        if (codes.length != factors.length || codes.length == 0) {
            throw new IllegalArgumentException(codes.length + " codes for " + factors.length + " rows of factors");
        }
        this.codes = codes;
        this.factors = factors;
        this.factorSizes = factorSizes.clone();
        this.groups = new ArrayList<>();
        for (int k = 0; k < factorSizes.length; k++) {
            groups.add(groupByValue(k));
        }
    }

    private List<int[]> groupByValue(int factor) {
        int[] counts = new int[factorSizes[factor]];
        for (int[] row : factors) {
            counts[row[factor]]++;
        }
        List<int[]> byValue = new ArrayList<>();
        for (int count : counts) {
            byValue.add(new int[count]);
        }
        int[] filled = new int[counts.length];
        for (int i = 0; i < factors.length; i++) {
            int value = factors[i][factor];
            byValue.get(value)[filled[value]++] = i;
        }
        return byValue;
    }

    /** The number of examples in the pool. */
    public int size() {
        return codes.length;
    }

    /** The number of code dimensions. */
    public int codeDimensions() {
        return codes[0].length;
    }

    /** The number of factors. */
    public int factorCount() {
        return factorSizes.length;
    }

    /** The number of values of factor {@code k}. */
    public int factorSize(int k) {
        return factorSizes[k];
    }

    /** The code of example {@code i}; not copied. */
    public double[] code(int i) {
        return codes[i];
    }

    /** The index of factor {@code k}'s value for example {@code i}. */
    public int factor(int i, int k) {
        return factors[i][k];
    }

    /** A uniformly drawn example. */
    public int sample(SplittableRandom random) {
        return random.nextInt(codes.length);
    }

    /** An example drawn uniformly from those whose factor {@code k} has example {@code i}'s value. */
    public int withSameValue(int i, int k, SplittableRandom random) {
        int[] group = groups.get(k).get(factors[i][k]);
        return group[random.nextInt(group.length)];
    }

    /**
     * {@code count} examples drawn uniformly with replacement: disentanglement_lib's
     * {@code generate_batch_factor_code}, as codes and factors.
     */
    public FactorCodes draw(int count, SplittableRandom random) {
        double[][] drawnCodes = new double[count][];
        int[][] drawnFactors = new int[count][];
        for (int j = 0; j < count; j++) {
            int i = sample(random);
            drawnCodes[j] = codes[i];
            drawnFactors[j] = factors[i];
        }
        return new FactorCodes(drawnCodes, drawnFactors, factorSizes);
    }

    /**
     * The examples {@code [from, to)} of the pool.
     *
     * @throws IllegalArgumentException when the range is empty
     */
    FactorCodes part(int from, int to) {
        if (from >= to) {
            throw new IllegalArgumentException("empty part [" + from + ", " + to + ") of the pool");
        }
        return new FactorCodes(Arrays.copyOfRange(codes, from, to), Arrays.copyOfRange(factors, from, to),
                factorSizes);
    }

    /**
     * The pool's training and test parts for {@code trainPoints} and {@code testPoints} draws: the
     * pool split in that proportion, each part holding at least one example.
     */
    FactorCodes[] trainingAndTest(DisentanglementOptions options) {
        if (codes.length < 2) {
            throw new IllegalArgumentException("a pool of one example cannot be split into training and test parts");
        }
        double share = options.trainPoints() / (double) (options.trainPoints() + options.testPoints());
        int boundary = (int) Math.min(codes.length - 1, Math.max(1, Math.round(codes.length * share)));
        return new FactorCodes[] {part(0, boundary), part(boundary, codes.length)};
    }

    /** The factor indices of factor {@code k}, one per example. */
    int[] factorColumn(int k) {
        int[] column = new int[factors.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = factors[i][k];
        }
        return column;
    }

    /** The values of code dimension {@code j}, one per example. */
    double[] codeColumn(int j) {
        double[] column = new double[codes.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = codes[i][j];
        }
        return column;
    }

    /** The codes, one row per example; not copied. */
    double[][] codes() {
        return codes;
    }
}
