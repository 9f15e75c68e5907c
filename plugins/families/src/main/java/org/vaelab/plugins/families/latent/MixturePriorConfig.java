package org.vaelab.plugins.families.latent;

import org.vaelab.spi.Param;

/** The size and weighting of a learned mixture-of-Gaussians prior. */
public record MixturePriorConfig(
        @Param(value = "K: the number of Gaussian components", defaultValue = "10", min = 1, max = 4096)
        int components,
        @Param(value = "Whether the mixture weights are learned (a softmax of K logits) rather than fixed at 1/K",
                defaultValue = "false")
        boolean learnedWeights) {
}
