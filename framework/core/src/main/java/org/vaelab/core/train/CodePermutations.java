package org.vaelab.core.train;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The indices that pick an auxiliary network's codes from the {@code n} rows of z
 * ({@link AuxiliaryGraph}): rows {@code [0, h)} as they are, and rows {@code [n - h, n)} with each
 * of the {@code latentDim} dimensions permuted across them by its own uniformly random permutation
 * (Fisher-Yates, drawn from the run's seeded generator), {@code h = max(1, n / 2)}: permute_dims of
 * Kim and Mnih 2018, "Disentangling by Factorising", Algorithm 1, on a second half-batch.
 */
final class CodePermutations {

    private CodePermutations() {
    }

    /** Puts both placeholders for {@code rows} rows of z of {@code latentDim} dimensions into {@code feed}. */
    static void put(Map<String, INDArray> feed, RandomGenerator random, int rows, int latentDim) {
        int half = Math.max(1, rows / 2);
        float[] joint = new float[half * rows];
        for (int r = 0; r < half; r++) {
            joint[r * rows + r] = 1;
        }
        int[] sources = sources(random, rows - half, half, latentDim);
        float[] permutation = new float[half * rows * latentDim];
        for (int i = 0; i < half; i++) {
            for (int j = 0; j < latentDim; j++) {
                permutation[(i * rows + sources[i * latentDim + j]) * latentDim + j] = 1;
            }
        }
        feed.put(AuxiliaryGraph.JOINT_ROWS, Nd4j.create(joint, new long[] {half, rows}, 'c'));
        feed.put(AuxiliaryGraph.PERMUTATION, Nd4j.create(permutation, new long[] {half, rows, latentDim}, 'c'));
    }

    /**
     * The source rows of the permuted codes, row-major {@code [count, latentDim]}: entry
     * {@code i * latentDim + j} is {@code first + pi_j(i)}, {@code pi_j} a random permutation of
     * {@code [0, count)} drawn for each dimension j in turn.
     */
    static int[] sources(RandomGenerator random, int first, int count, int latentDim) {
        int[] sources = new int[count * latentDim];
        int[] order = new int[count];
        for (int j = 0; j < latentDim; j++) {
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            for (int i = count - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[k];
                order[k] = swap;
            }
            for (int i = 0; i < count; i++) {
                sources[i * latentDim + j] = first + order[i];
            }
        }
        return sources;
    }
}
