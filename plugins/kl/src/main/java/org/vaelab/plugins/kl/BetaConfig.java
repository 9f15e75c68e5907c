package org.vaelab.plugins.kl;

import org.vaelab.spi.Param;

/** A constant KL weight. */
public record BetaConfig(
        @Param(value = "Weight of the KL term; 1 is the plain VAE, above 1 the beta-VAE of Higgins et al. 2017",
                defaultValue = "1.0", min = 0)
        double beta) {
}
