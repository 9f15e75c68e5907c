package org.vaelab.core.spec;

import org.vaelab.spi.Param;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;

/** The networks of a VAE and the size of its latent space. */
public record ModelSpec(
        @Param(value = "Dimension of the latent variable z", min = 1, max = 4096) int latentDim,
        @Param("Network for q(z|x)") Component<Encoder> encoder,
        @Param("Network for p(x|z)") Component<Decoder> decoder) {
}
