package org.vaelab.plugins.kl;

import org.vaelab.spi.Param;

/**
 * The cyclical KL annealing of Fu et al. 2019, with the paper's defaults (M = 4, R = 0.5).
 *
 * @param cycles M, the number of cycles training is divided into
 * @param ratio R, the fraction of each cycle spent rising from 0 to {@code beta}
 * @param beta the weight held for the rest of each cycle
 */
public record CyclicalConfig(
        @Param(value = "Number of annealing cycles M over the whole run", defaultValue = "4", min = 1)
        int cycles,
        @Param(value = "Fraction R of each cycle in which the weight rises linearly from 0 to beta",
                defaultValue = "0.5", above = 0, max = 1)
        double ratio,
        @Param(value = "KL weight held for the rest of each cycle", defaultValue = "1.0", min = 0)
        double beta) {
}
