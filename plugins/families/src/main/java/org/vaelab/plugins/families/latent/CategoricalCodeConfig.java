package org.vaelab.plugins.families.latent;

import org.vaelab.spi.Param;

/**
 * The shape and temperature of a categorical latent code: {@code latent_dim / categories} independent categorical
 * variables of {@code categories} classes each, relaxed to the Concrete (Gumbel-softmax) distribution at
 * temperature tau. The prior {@code categorical} and the posterior {@code gumbel_softmax} take the same values.
 */
public record CategoricalCodeConfig(
        @Param(value = "K: the classes of each categorical variable; latent_dim must be a multiple of it "
                + "(latent_dim / K variables)", defaultValue = "10", min = 2, max = 4096)
        int categories,
        @Param(value = "tau: the temperature of the relaxation (Jang et al. 2017, eq. 1); PyTorch-VAE's "
                + "CategoricalVAE trains at 0.5", defaultValue = "0.5", above = 0, max = 100)
        double temperature) {
}
