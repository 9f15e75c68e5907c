package org.vaelab.core.spec;

import org.vaelab.spi.Param;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;

/**
 * The networks of a VAE, the size of its latent space, the model family whose objective trains it, and its prior
 * and approximate posterior.
 */
public record ModelSpec(
        @Param(value = "Dimension of the latent variable z", min = 1, max = 4096) int latentDim,
        @Param("Network for q(z|x)") Component<Encoder> encoder,
        @Param("Network for p(x|z)") Component<Decoder> decoder,
        @Param(value = "The model family: its training objective (vae: the ELBO; see 'vae plugins')",
                defaultValue = "{type: vae}")
        Component<ModelFamily> family,
        @Param(value = "The prior p(z); left out, standard_normal: N(0, I) (see 'vae plugins')",
                defaultValue = Param.NONE)
        Component<Prior> prior,
        @Param(value = "The approximate posterior q(z|x) built on the encoder's Gaussian; left out, gaussian: that "
                + "Gaussian itself (see 'vae plugins')", defaultValue = Param.NONE)
        Component<Posterior> posterior) {

    /** The prior's type when the spec names none: resolved specs leave it out, so theirs stay as they were. */
    public static final String DEFAULT_PRIOR = "standard_normal";
    /** The posterior's type when the spec names none. */
    public static final String DEFAULT_POSTERIOR = "gaussian";

    /** The type of the prior, {@link #DEFAULT_PRIOR} when the spec names none. */
    public String priorType() {
        return prior == null ? DEFAULT_PRIOR : prior.type();
    }

    /** The type of the posterior, {@link #DEFAULT_POSTERIOR} when the spec names none. */
    public String posteriorType() {
        return posterior == null ? DEFAULT_POSTERIOR : posterior.type();
    }
}
