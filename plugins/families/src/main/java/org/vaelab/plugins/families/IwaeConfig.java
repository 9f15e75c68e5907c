package org.vaelab.plugins.families;

import org.vaelab.spi.Param;

/** The importance-weighted autoencoder's number of samples. */
public record IwaeConfig(
        @Param(value = "k, importance samples of z per example in the training bound (k = 1 is the ELBO); "
                + "replaces train.mc_samples", defaultValue = "5", min = 1, max = 1024)
        int samples) {
}
