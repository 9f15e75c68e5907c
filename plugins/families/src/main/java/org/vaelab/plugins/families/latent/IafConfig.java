package org.vaelab.plugins.families.latent;

import org.vaelab.spi.Param;

/** The length and width of an inverse autoregressive flow. */
public record IafConfig(
        @Param(value = "T: the number of autoregressive steps", defaultValue = "2", min = 1, max = 64)
        int steps,
        @Param(value = "Width of each step's one hidden layer (a MADE, Germain et al. 2015)", defaultValue = "64",
                min = 1, max = 4096)
        int hidden) {
}
