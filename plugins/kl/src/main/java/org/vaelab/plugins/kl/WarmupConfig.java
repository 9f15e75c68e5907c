package org.vaelab.plugins.kl;

import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * A KL weight rising linearly from {@code start} to {@code beta} over {@code steps} steps.
 *
 * @param start the weight at step 0
 * @param beta the weight from step {@code steps} on
 * @param steps the length of the warm-up
 */
public record WarmupConfig(
        @Param(value = "KL weight at step 0", defaultValue = "0.0", min = 0)
        double start,
        @Param(value = "KL weight reached after `steps` steps and held from then on; 1 is the plain VAE",
                defaultValue = "1.0", min = 0)
        double beta,
        @Param(value = "Steps over which the weight rises linearly from start to beta (10000 is about 21 epochs "
                + "of MNIST at batch size 128)", defaultValue = "10000", min = 1)
        long steps) {

    public WarmupConfig {
        if (start > beta) {
            throw new InvalidConfigException("start", "start (" + start + ") must be at most beta (" + beta
                    + "): the weight rises during warm-up");
        }
    }
}
