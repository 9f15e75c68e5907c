package org.vaelab.plugins.families.latent;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The prior of the VAE with two stochastic layers of Burda, Grosse and Salakhutdinov 2016 (section 5): z = [z1, z2],
 * {@code p(z2) = N(0, I)} and {@code p(z1|z2) = N(mu(z2), diag(sigma^2(z2)))} from an MLP on z2
 * ({@link ConditionalGaussian}, its weights under {@code prior/p_z1}), so
 * {@code log p(z) = log N(z2; 0, I) + log N(z1; mu(z2), sigma^2(z2))}. The likelihood reads z1 alone
 * ({@link #decoderInputWidth}): the generative model is {@code p(x|z1) p(z1|z2) p(z2)}. Samples are ancestral,
 * z2 from the noise's last columns, then z1 from its first. The KL has no closed form (Monte Carlo).
 */
final class TwoLayerPrior implements Prior {

    private static final String NETWORK = "p_z1";

    private final StochasticLayersConfig config;

    TwoLayerPrior(StochasticLayersConfig config) {
        this.config = config;
    }

    /** The width of z1, the layer x depends on. */
    static int bottom(StochasticLayersConfig config, int latentDim, String key) {
        int bottom = latentDim - config.top();
        if (bottom < 1) {
            throw new InvalidInputException(key + ".top: z = [z1, z2] has latent_dim = " + latentDim
                    + " columns and z2 " + config.top() + ", which leaves none for z1; use a top below latent_dim");
        }
        return bottom;
    }

    @Override
    public int decoderInputWidth(int latentDim) {
        return bottom(config, latentDim, "model.prior");
    }

    @Override
    public PriorDensity build(LatentContext context) {
        SameDiff sd = context.sameDiff();
        int bottom = bottom(config, context.latentDim(), "model.prior");
        int top = config.top();
        ConditionalGaussian layer = new ConditionalGaussian(context.network(), NETWORK, config, top, bottom);
        return new PriorDensity() {
            @Override
            public SDVariable logDensity(SDVariable z) {
                SDVariable z1 = ConditionalGaussian.columns(sd, z, 0, bottom);
                SDVariable z2 = ConditionalGaussian.columns(sd, z, bottom, top);
                SDVariable logTop = ConditionalGaussian.logDensityOfDraw(sd, sd.zerosLike(z2), z2, top);
                return logTop.add(ConditionalGaussian.logDensity(sd, z1, layer.given(z2), bottom));
            }

            @Override
            public SDVariable sample(SDVariable normal, SDVariable uniform) {
                SDVariable z2 = ConditionalGaussian.columns(sd, normal, bottom, top);
                GaussianPosterior given = layer.given(z2);
                SDVariable z1 = ConditionalGaussian.draw(sd, given, ConditionalGaussian.columns(sd, normal, 0, bottom));
                return sd.concat(1, z1, z2);
            }
        };
    }
}
