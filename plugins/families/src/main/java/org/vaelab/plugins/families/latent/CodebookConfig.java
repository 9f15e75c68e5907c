package org.vaelab.plugins.families.latent;

import org.vaelab.spi.Param;

/**
 * The shape of a vector-quantised code (van den Oord, Vinyals and Kavukcuoglu 2017, section 3.1): K code vectors of
 * {@code embedding_dim} values, z laid out as {@code latent_dim / embedding_dim} groups, each quantised to one code.
 * The options of the prior {@code vq}; the posterior {@code vq} takes the same and its commitment weight.
 */
public record CodebookConfig(
        @Param(value = "K: the code vectors in the code book (the paper's 512 on ImageNet and CIFAR10)",
                defaultValue = "512", min = 2, max = 65536)
        int codes,
        @Param(value = "D: the values of each code vector; latent_dim must be a multiple of it (latent_dim / D "
                + "groups, each one code)", defaultValue = "8", min = 1, max = 4096)
        int embeddingDim) {
}
