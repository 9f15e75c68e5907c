package org.vaelab.plugins.families;

import org.vaelab.spi.Param;

/** The mixing weight and the number of samples of CIWAE (Rainforth et al. 2018). */
public record CiwaeConfig(
        @Param(value = "beta: weight of the ELBO against the importance-weighted bound (0 is IWAE, 1 the ELBO)",
                defaultValue = "0.5", min = 0, max = 1)
        double beta,
        @Param(value = "K, samples of z per example shared by both bounds; replaces train.mc_samples",
                defaultValue = "5", min = 1, max = 1024)
        int samples) {
}
