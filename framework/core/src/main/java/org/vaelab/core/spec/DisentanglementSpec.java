package org.vaelab.core.spec;

import org.vaelab.core.eval.disentanglement.DisentanglementOptions;
import org.vaelab.spi.Param;

/**
 * Sample sizes and seed of the disentanglement metrics ({@code eval.disentanglement_options});
 * the defaults are disentanglement_lib's (Locatello et al. 2019).
 */
public record DisentanglementSpec(
        @Param(value = "Points each metric's classifier is trained on, and MIG's and the total correlation's sample",
                defaultValue = "10000", min = 2)
        int trainPoints,
        @Param(value = "Points each metric's classifier is scored on", defaultValue = "5000", min = 1)
        int testPoints,
        @Param(value = "Pairs (beta-VAE score) or examples (FactorVAE score) behind one point", defaultValue = "64",
                min = 2)
        int batchSize,
        @Param(value = "Examples the FactorVAE score's global variances are estimated from", defaultValue = "10000",
                min = 2)
        int varianceSamples,
        @Param(value = "Equal-width bins of MIG's discretisation of each code dimension", defaultValue = "20", min = 2)
        int bins,
        @Param(value = "Trees of each random forest behind DCI's importance matrix", defaultValue = "10", min = 1)
        int trees,
        @Param(value = "Seed of every draw and classifier of the metrics", defaultValue = "0", min = 0)
        long seed) {

    /** These settings as the metrics take them. */
    public DisentanglementOptions options() {
        return new DisentanglementOptions(trainPoints, testPoints, batchSize, varianceSamples, bins, trees, seed);
    }
}
