package org.vaelab.core.eval.disentanglement;

import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Pools of examples with three factors of 4, 5 and 6 values drawn uniformly, and codes constructed
 * from them so that each metric's answer is known: the factors themselves, noise, two factors mixed.
 */
final class ConstructedCodes {

    static final int[] SIZES = {4, 5, 6};
    static final int POOL = 4000;

    private ConstructedCodes() {
    }

    /** Codes {@code code(factors, noise)} for a pool of uniformly drawn factors. */
    static FactorCodes pool(BiFunction<int[], SplittableRandom, double[]> code) {
        SplittableRandom random = new SplittableRandom(11);
        double[][] codes = new double[POOL][];
        int[][] factors = new int[POOL][SIZES.length];
        for (int i = 0; i < POOL; i++) {
            for (int k = 0; k < SIZES.length; k++) {
                factors[i][k] = random.nextInt(SIZES[k]);
            }
            codes[i] = code.apply(factors[i], random);
        }
        return new FactorCodes(codes, factors, SIZES);
    }

    /** Each code dimension is one factor's index. */
    static FactorCodes factors() {
        return pool((f, random) -> new double[] {f[0], f[1], f[2]});
    }

    /** Three standard normal dimensions, independent of the factors. */
    static FactorCodes noise() {
        return pool((f, random) -> new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
    }

    /** The first two factors rotated into two dimensions (their sum and difference), the third alone. */
    static FactorCodes mixed() {
        return pool((f, random) -> new double[] {f[0] + f[1], f[0] - f[1], f[2]});
    }

    /** {@code codes} with dimensions reordered to (2, 0, 1) and scaled by (3, 0.5, 7) and shifted. */
    static FactorCodes permutedAndRescaled(FactorCodes codes) {
        double[][] changed = new double[codes.size()][];
        int[][] factors = new int[codes.size()][SIZES.length];
        for (int i = 0; i < codes.size(); i++) {
            double[] z = codes.code(i);
            changed[i] = new double[] {3 * z[2] + 1, 0.5 * z[0] - 2, 7 * z[1]};
            for (int k = 0; k < SIZES.length; k++) {
                factors[i][k] = codes.factor(i, k);
            }
        }
        return new FactorCodes(changed, factors, SIZES);
    }
}
