package org.vaelab.plugins.families.latent;

import org.vaelab.spi.Param;

/** The number of pseudo-inputs of a VampPrior. */
public record VampPriorConfig(
        @Param(value = "K: the number of learned pseudo-inputs (Tomczak and Welling 2018 use 500 on MNIST)",
                defaultValue = "500", min = 1, max = 4096)
        int pseudoInputs) {
}
