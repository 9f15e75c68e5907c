package org.vaelab.plugins.families.latent;

import org.vaelab.spi.Param;

/** The length of a planar flow. */
public record PlanarFlowConfig(
        @Param(value = "K: the number of planar transformations (Rezende and Mohamed 2015 use 2 to 80)",
                defaultValue = "8", min = 1, max = 256)
        int length) {
}
