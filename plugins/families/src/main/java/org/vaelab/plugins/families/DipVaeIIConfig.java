package org.vaelab.plugins.families;

import org.vaelab.spi.Param;

/** The weights of the DIP-VAE-II penalty on the covariance of the aggregate posterior (Kumar et al. 2018, eq. 7). */
public record DipVaeIIConfig(
        @Param(value = "lambda_od: weight of the squared off-diagonal covariances", defaultValue = "10.0", min = 0)
        double lambdaOd,
        @Param(value = "lambda_d: weight of the squared distances of the variances from 1 (the paper sets "
                + "lambda_d = lambda_od for DIP-VAE-II)", defaultValue = "10.0", min = 0)
        double lambdaD) {
}
