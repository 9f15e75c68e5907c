package org.vaelab.plugins.families.latent;

import org.vaelab.spi.Param;

/** The posterior {@code vq}'s options: the code book's shape ({@link CodebookConfig}) and the commitment weight. */
public record VectorQuantiserConfig(
        @Param(value = "K: the code vectors in the code book; the prior vq must have the same",
                defaultValue = "512", min = 2, max = 65536)
        int codes,
        @Param(value = "D: the values of each code vector; latent_dim must be a multiple of it; the prior vq must "
                + "have the same", defaultValue = "8", min = 1, max = 4096)
        int embeddingDim,
        @Param(value = "beta: the weight of the commitment loss ||z_e - sg[e]||^2 (van den Oord et al. 2017, eq. 3)",
                defaultValue = "0.25", min = 0, max = 1000)
        double betaCommit) {

    /** The code book's shape, which the prior {@code vq} must share. */
    CodebookConfig codebook() {
        return new CodebookConfig(codes, embeddingDim);
    }
}
