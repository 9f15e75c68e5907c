package org.vaelab.core.spec;

import org.vaelab.spi.Param;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;

/** The networks of a VAE, the size of its latent space, and the model family whose objective trains it. */
public record ModelSpec(
        @Param(value = "Dimension of the latent variable z", min = 1, max = 4096) int latentDim,
        @Param("Network for q(z|x)") Component<Encoder> encoder,
        @Param("Network for p(x|z)") Component<Decoder> decoder,
        @Param(value = "The model family: its training objective (vae: the ELBO; see 'vae plugins')",
                defaultValue = "{type: vae}")
        Component<ModelFamily> family) {
}
