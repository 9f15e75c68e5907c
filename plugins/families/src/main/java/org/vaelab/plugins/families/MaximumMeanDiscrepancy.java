package org.vaelab.plugins.families;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.SDIndex;
import org.vaelab.spi.RowSums;

/**
 * The unbiased estimate of the squared maximum mean discrepancy between the distribution of the
 * codes and the prior (Gretton et al. 2012, "A Kernel Two-Sample Test", eq. 3), as in
 * Tolstikhin et al. 2018, Algorithm 2, from n codes z_i and n prior draws p_j:
 * <pre>
 * MMD = 1/(n(n-1)) sum_{i != j} k(p_i, p_j) + 1/(n(n-1)) sum_{i != j} k(z_i, z_j) - 2/n^2 sum_{i, j} k(z_i, p_j)
 * </pre>
 * The sums over {@code i != j} are the full sums less the n diagonal terms {@code k(z, z)}. The
 * squared distances come from {@code ||a||^2 + ||b||^2 - 2 a.b}, a matrix product. A batch of one
 * has no pair {@code i != j}: its first two terms are then 0 (their divisor is at least 1).
 */
final class MaximumMeanDiscrepancy {

    private MaximumMeanDiscrepancy() {
    }

    /**
     * The estimate, a scalar, for {@code codes} and {@code priorSample}, both {@code [n, d]}, with
     * d known from the prior sample's shape.
     */
    static SDVariable of(SameDiff sd, SDVariable codes, SDVariable priorSample, MmdKernel kernel) {
        long dimensions = priorSample.getShape()[1];
        // n as a sum of ones made by scalar ops on the codes: no op with a data type of its own, so a graph converted
        // to double precision stays consistent
        SDVariable n = codes.get(SDIndex.all(), SDIndex.interval(0, 1)).mul(0.0).add(1.0).sum();
        SDVariable pairs = sd.scalarMax(n.mul(n.sub(1.0)), 1.0);
        SDVariable diagonal = n.mul(kernel.atZero());
        SDVariable within = kernelSum(sd, priorSample, priorSample, kernel, dimensions)
                .add(kernelSum(sd, codes, codes, kernel, dimensions)).sub(diagonal.mul(2.0)).div(pairs);
        SDVariable across = kernelSum(sd, codes, priorSample, kernel, dimensions).mul(2.0).div(n.mul(n));
        return within.sub(across);
    }

    /** {@code sum_{i, j} k(a_i, b_j)}, a scalar. */
    private static SDVariable kernelSum(SameDiff sd, SDVariable a, SDVariable b, MmdKernel kernel, long dimensions) {
        SDVariable aNorms = RowSums.of(sd, a.mul(a), dimensions);
        SDVariable bNorms = RowSums.of(sd, b.mul(b), dimensions);
        SDVariable squaredDistances = sd.expandDims(aNorms, 1).add(sd.expandDims(bNorms, 0))
                .sub(sd.mmul(a, sd.transpose(b)).mul(2.0));
        return kernel.of(sd, squaredDistances, dimensions).sum();
    }
}
