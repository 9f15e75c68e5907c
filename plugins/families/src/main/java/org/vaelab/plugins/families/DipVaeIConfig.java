package org.vaelab.plugins.families;

import org.vaelab.spi.Param;

/** The weights of the DIP-VAE-I penalty on the covariance of the posterior means (Kumar et al. 2018, eq. 6). */
public record DipVaeIConfig(
        @Param(value = "lambda_od: weight of the squared off-diagonal covariances", defaultValue = "10.0", min = 0)
        double lambdaOd,
        @Param(value = "lambda_d: weight of the squared distances of the variances from 1 (the paper sets "
                + "lambda_d = 10 lambda_od for DIP-VAE-I)", defaultValue = "100.0", min = 0)
        double lambdaD) {
}
