package org.vaelab.plugins.families;

import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/** The M groups of K importance samples of MIWAE and PIWAE (Rainforth et al. 2018, section 4). */
public record MiwaeConfig(
        @Param(value = "M, independent groups of samples per example, whose bounds are averaged (MIWAE, and "
                + "PIWAE's encoder; M = 1 is IWAE)", defaultValue = "4", min = 1, max = 1024)
        int groups,
        @Param(value = "K, importance samples of z in each group's bound (K = 1 is the ELBO); M K samples in all "
                + "replace train.mc_samples", defaultValue = "4", min = 1, max = 1024)
        int samples) {

    public MiwaeConfig {
        if ((long) groups * samples > 1024) {
            throw new InvalidConfigException("samples", "groups times samples, the samples of z per example, must be "
                    + "at most 1024; found " + groups + " x " + samples + " = " + (long) groups * samples);
        }
    }
}
