package org.vaelab.plugins.optim;

import org.vaelab.spi.Param;

/** Adam's hyperparameters, named as in Kingma and Ba 2015, algorithm 1. */
public record AdamConfig(
        @Param(value = "Learning rate (alpha)", defaultValue = "1.0e-3", above = 0) double lr,
        @Param(value = "Decay of the first-moment estimate", defaultValue = "0.9", min = 0, max = 0.999999) double beta1,
        @Param(value = "Decay of the second-moment estimate", defaultValue = "0.999", min = 0, max = 0.999999) double beta2,
        @Param(value = "Added to the denominator for stability", defaultValue = "1.0e-8", above = 0) double epsilon) {
}
