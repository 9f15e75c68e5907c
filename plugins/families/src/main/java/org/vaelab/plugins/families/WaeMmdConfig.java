package org.vaelab.plugins.families;

import org.vaelab.spi.Param;

/** The weight of the WAE-MMD penalty (Tolstikhin et al. 2018, Algorithm 2). */
public record WaeMmdConfig(
        @Param(value = "lambda: weight of the MMD between the codes and the prior (the paper uses 10 on MNIST)",
                defaultValue = "10.0", min = 0)
        double lambda) {
}
