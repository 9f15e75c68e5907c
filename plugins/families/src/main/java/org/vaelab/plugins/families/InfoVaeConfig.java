package org.vaelab.plugins.families;

import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * The two weights of the InfoVAE objective (Zhao et al. 2019): alpha, of the mutual information
 * between x and z, and lambda, of the divergence between q(z) and the prior.
 */
public record InfoVaeConfig(
        @Param(value = "alpha: weight of the mutual information I(x; z); the KL term is weighted 1 - alpha "
                + "(0 keeps the ELBO's KL, 1 drops it: the MMD-VAE)", defaultValue = "0.0", min = 0, max = 1)
        double alpha,
        @Param(value = "lambda: weight of the divergence of q(z) from p(z); the MMD is weighted alpha + lambda - 1",
                defaultValue = "1000.0", min = 0)
        double lambda) {

    public InfoVaeConfig {
        if (alpha + lambda < 1) {
            throw new InvalidConfigException("lambda", "alpha + lambda must be at least 1, so that the MMD's weight "
                    + "alpha + lambda - 1 is not negative; found alpha " + alpha + " and lambda " + lambda);
        }
    }
}
