package org.vaelab.plugins.families;

import org.vaelab.spi.Param;

/** The weights of the three parts of the KL term in beta-TCVAE (Chen et al. 2018, eq. 4). */
public record BetaTcVaeConfig(
        @Param(value = "alpha: weight of the index-code mutual information I(x; z)", defaultValue = "1.0", min = 0)
        double alpha,
        @Param(value = "beta: weight of the total correlation of q(z), the term that rewards disentangling",
                defaultValue = "6.0", min = 0)
        double beta,
        @Param(value = "gamma: weight of the dimension-wise KL of q(z_j) from p(z_j)", defaultValue = "1.0", min = 0)
        double gamma) {
}
