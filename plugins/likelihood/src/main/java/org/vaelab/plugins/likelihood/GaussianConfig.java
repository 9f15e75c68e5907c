package org.vaelab.plugins.likelihood;

import org.vaelab.spi.Param;

/**
 * Configuration of the {@code gaussian} likelihood. The log-variance bounds apply only to the
 * learned variants, {@code sigma_value} only to {@code fixed}. Each bound lies in [-20, 20] so
 * that {@code exp(-v)}, which multiplies every squared error, stays far from float overflow.
 *
 * @param sigma where the standard deviation comes from
 * @param sigmaValue the standard deviation when {@code sigma} is fixed
 * @param minLogVariance the floor of a learned log-variance
 * @param maxLogVariance the ceiling of a learned log-variance
 */
public record GaussianConfig(
        @Param(value = "Where the standard deviation comes from: fixed (sigma_value), learned_scalar (one trainable "
                + "log-variance shared by all values, starting near sigma 1) or learned_per_dim (a second decoder "
                + "output per value)", defaultValue = "fixed")
        ScaleMode sigma,
        @Param(value = "The standard deviation when sigma is fixed; 0.70710678 (1/sqrt(2)) makes -log p the sum of "
                + "squared errors plus (D/2) log(pi)", defaultValue = "1.0", above = 0)
        double sigmaValue,
        @Param(value = "Floor of a learned log-variance (soft clamp): -9 keeps sigma above 0.011, about 3 grey levels "
                + "of 8-bit data in [0, 1], and log p below 3.58 nats per value", defaultValue = "-9.0", min = -20,
                max = 20)
        double minLogVariance,
        @Param(value = "Ceiling of a learned log-variance (soft clamp): 4 lets sigma reach 7.4, beyond the spread of "
                + "[0, 1] or standardised data", defaultValue = "4.0", min = -20, max = 20)
        double maxLogVariance) {

    public GaussianConfig {
        LogSpreadBounds.requireOrdered("min_log_variance", minLogVariance, "max_log_variance", maxLogVariance);
    }
}
