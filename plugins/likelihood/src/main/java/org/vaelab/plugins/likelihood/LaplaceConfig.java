package org.vaelab.plugins.likelihood;

import org.vaelab.spi.Param;

/**
 * Configuration of the {@code laplace} likelihood, the counterpart of {@link GaussianConfig} for
 * the scale b: the log-scale bounds apply only to the learned variants, {@code scale_value} only to
 * {@code fixed}. The defaults are half the Gaussian's log-variance bounds, so b has the same
 * range as the Gaussian's sigma; each bound lies in [-10, 10] so that {@code exp(-log b)} stays far
 * from float overflow.
 *
 * @param scale where the scale b comes from
 * @param scaleValue b when {@code scale} is fixed
 * @param minLogScale the floor of a learned log b
 * @param maxLogScale the ceiling of a learned log b
 */
public record LaplaceConfig(
        @Param(value = "Where the scale b comes from: fixed (scale_value), learned_scalar (one trainable log b shared "
                + "by all values, starting near b 1) or learned_per_dim (a second decoder output per value)",
                defaultValue = "fixed")
        ScaleMode scale,
        @Param(value = "The scale b when scale is fixed; -log p is then the sum of absolute errors over b plus "
                + "D log(2b)", defaultValue = "1.0", above = 0)
        double scaleValue,
        @Param(value = "Floor of a learned log b (soft clamp): -4.5 keeps b above 0.011, about 3 grey levels of 8-bit "
                + "data in [0, 1], and log p below 3.81 nats per value", defaultValue = "-4.5", min = -10, max = 10)
        double minLogScale,
        @Param(value = "Ceiling of a learned log b (soft clamp): 2 lets b reach 7.4", defaultValue = "2.0",
                min = -10, max = 10)
        double maxLogScale) {

    public LaplaceConfig {
        LogSpreadBounds.requireOrdered("min_log_scale", minLogScale, "max_log_scale", maxLogScale);
    }
}
