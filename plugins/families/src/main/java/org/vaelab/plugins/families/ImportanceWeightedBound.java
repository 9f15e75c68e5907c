package org.vaelab.plugins.families;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The importance-weighted bound of Burda, Grosse and Salakhutdinov 2016 (eq. 8),
 * {@code L_K = log (1/K) sum_k w_k}, of every group of K samples of z: computed stably as
 * {@code m + log sum_k exp(log w_k - m) - log K} with {@code m = max_k log w_k}.
 *
 * <p>The graph's log weights are sample-major (row {@code s * batch + b}); with {@code S = G K}
 * samples, group g of example b holds samples {@code s = k G + g}, k = 0 to K - 1, so the rows
 * reshape to {@code [K, G * batch]} and the bound is a log-sum-exp over the first axis. The
 * samples are independent draws, so any partition into groups gives the same estimator.
 */
final class ImportanceWeightedBound {

    private ImportanceWeightedBound() {
    }

    /**
     * {@code L_K} of every group of {@code k} samples, {@code [groups * batch]}; with {@code k = 1}
     * the log weights themselves (the ELBO's one-sample estimates).
     */
    static SDVariable perGroup(SameDiff sd, SDVariable logWeight, int k) {
        if (k == 1) {
            // ND4J 1.0.0-M2.1 fails on reductions over a dimension of size 1
            return logWeight;
        }
        SDVariable logWeights = sd.reshape(logWeight, k, -1);
        SDVariable largest = logWeights.max(true, 0);
        return sd.reshape(largest.add(sd.math().log(sd.math().exp(logWeights.sub(largest)).sum(true, 0)))
                .sub(Math.log(k)), -1);
    }
}
