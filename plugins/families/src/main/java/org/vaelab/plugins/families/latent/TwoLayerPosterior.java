package org.vaelab.plugins.families.latent;

import java.util.List;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.StochasticLayer;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The approximate posterior of the VAE with two stochastic layers of Burda, Grosse and Salakhutdinov 2016
 * (section 5): {@code q(z1, z2|x) = q(z1|x) q(z2|z1)}, q(z1|x) the encoder's diagonal Gaussian in its first
 * {@code latent_dim - top} columns, q(z2|z1) a diagonal Gaussian from an MLP on the sampled z1
 * ({@link ConditionalGaussian}, its weights under {@code posterior/q_z2}); both reparameterised from eps's columns,
 * so {@code log q(z|x) = log N(z1; mu1, sigma1^2) + log N(z2; mu2(z1), sigma2^2(z1))}, each written with its own
 * noise. The encoder's heads for the last {@code top} columns are not read: the SPI gives every encoder latent_dim
 * heads. The code that stands for an example in the figures is {@code [mu1, mu2(mu1)]}: E_q[z1|x] = mu1 exactly and
 * E_q[z2|x] approximated by the mean of q(z2|z1) at z1's mean, on which the run counts the active units of the
 * layers {@code z1} and {@code z2} (Burda et al., section 5.2).
 */
final class TwoLayerPosterior implements Posterior {

    private static final String NETWORK = "q_z2";

    private final StochasticLayersConfig config;

    TwoLayerPosterior(StochasticLayersConfig config) {
        this.config = config;
    }

    @Override
    public PosteriorSample sample(LatentContext context, GaussianPosterior encoded, SDVariable eps) {
        SameDiff sd = context.sameDiff();
        int bottom = TwoLayerPrior.bottom(config, context.latentDim(), "model.posterior");
        int top = config.top();
        GaussianPosterior first = bottomLayer(sd, encoded, bottom);
        SDVariable eps1 = ConditionalGaussian.columns(sd, eps, 0, bottom);
        SDVariable eps2 = ConditionalGaussian.columns(sd, eps, bottom, top);
        SDVariable z1 = ConditionalGaussian.draw(sd, first, eps1);
        GaussianPosterior second = network(context, bottom).given(z1);
        SDVariable z2 = ConditionalGaussian.draw(sd, second, eps2);
        SDVariable logDensity = ConditionalGaussian.logDensityOfDraw(sd, first.logVariance(), eps1, bottom)
                .add(ConditionalGaussian.logDensityOfDraw(sd, second.logVariance(), eps2, top));
        return new PosteriorSample(sd.concat(1, z1, z2), logDensity, Optional.empty());
    }

    @Override
    public List<StochasticLayer> layers(int latentDim) {
        return List.of(new StochasticLayer("z1", TwoLayerPrior.bottom(config, latentDim, "model.posterior")),
                new StochasticLayer("z2", config.top()));
    }

    @Override
    public SDVariable code(LatentContext context, GaussianPosterior encoded) {
        SameDiff sd = context.sameDiff();
        int bottom = TwoLayerPrior.bottom(config, context.latentDim(), "model.posterior");
        SDVariable mean1 = bottomLayer(sd, encoded, bottom).mean();
        return sd.concat(1, mean1, network(context, bottom).given(mean1).mean());
    }

    private ConditionalGaussian network(LatentContext context, int bottom) {
        return new ConditionalGaussian(context.network(), NETWORK, config, bottom, config.top());
    }

    private static GaussianPosterior bottomLayer(SameDiff sd, GaussianPosterior encoded, int bottom) {
        return new GaussianPosterior(ConditionalGaussian.columns(sd, encoded.mean(), 0, bottom),
                ConditionalGaussian.columns(sd, encoded.logVariance(), 0, bottom));
    }
}
