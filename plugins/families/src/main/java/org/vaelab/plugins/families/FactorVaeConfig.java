package org.vaelab.plugins.families;

import org.vaelab.spi.Param;

/**
 * FactorVAE's weight of the total-correlation term and its discriminator (Kim and Mnih 2018,
 * "Disentangling by Factorising", section 3 and appendix: 6 layers of 1000 units with leaky ReLU,
 * Adam with learning rate 1e-4 and moment decays 0.5 and 0.9).
 */
public record FactorVaeConfig(
        @Param(value = "gamma: weight of the discriminator's total-correlation estimate in the VAE's loss "
                + "(the paper sweeps 10 to 100)", defaultValue = "10.0", min = 0)
        double gamma,
        @Param(value = "hidden layers of the discriminator", defaultValue = "6", min = 1, max = 64)
        int discriminatorDepth,
        @Param(value = "units in each hidden layer of the discriminator", defaultValue = "1000", min = 1, max = 65536)
        int discriminatorWidth,
        @Param(value = "learning rate of the discriminator's Adam", defaultValue = "1.0e-4", above = 0)
        double discriminatorLr,
        @Param(value = "beta1 of the discriminator's Adam, the first moment's decay", defaultValue = "0.5", min = 0,
                max = 0.999999)
        double discriminatorBeta1,
        @Param(value = "beta2 of the discriminator's Adam, the second moment's decay", defaultValue = "0.9", min = 0,
                max = 0.999999)
        double discriminatorBeta2) {
}
