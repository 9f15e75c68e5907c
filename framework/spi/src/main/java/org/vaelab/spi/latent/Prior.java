package org.vaelab.spi.latent;

import java.util.Optional;

/**
 * The prior p(z) ({@code model.prior} in a spec, default {@code standard_normal}): its
 * log-density in the graph, its own trainable parameters, and sampling for figures and
 * {@code vae sample}. Since SPI 2.1.
 *
 * <p>Example, a fixed isotropic Gaussian N(0, s^2 I):
 * <pre>{@code
 * public Prior scaled(double s) {
 *     return context -> new PriorDensity() {
 *         public SDVariable logDensity(SDVariable z) {
 *             double d = context.latentDim();
 *             return z.mul(z).sum(1).div(-2 * s * s).sub(d / 2 * Math.log(2 * Math.PI * s * s));
 *         }
 *         public SDVariable sample(SDVariable normal, SDVariable uniform) {
 *             return normal.mul(s);
 *         }
 *     };
 * }
 * }</pre>
 */
public interface Prior {

    /**
     * Adds the prior to a graph: its variables are created here, under
     * {@link LatentContext#network()}, once per graph.
     */
    PriorDensity build(LatentContext context);

    /**
     * Whether p(z) is N(0, I), fixed: the 2-D manifold figure (Kingma and Welling 2014, figure 4)
     * maps a grid of its quantiles, which only this prior has. False by default.
     */
    default boolean isStandardNormal() {
        return false;
    }

    /**
     * Why this prior cannot be paired with {@code posterior} in one model, for a prior that only works with a
     * posterior of its own kind (the uniform categorical prior, whose density lives on the probability simplex,
     * with the Gumbel-softmax posterior); empty (the default) when it can. The framework refuses such a spec before
     * anything runs, at {@code model.posterior}. Since SPI 2.3.
     */
    default Optional<String> incompatibility(Posterior posterior) {
        return Optional.empty();
    }

    /**
     * How many leading columns of z the likelihood p(x|z) reads: all {@code latentDim} by default. A hierarchical
     * prior over {@code z = [z1, z2]}, such as p(z1|z2) p(z2) of the VAE with two stochastic layers of Burda, Grosse
     * and Salakhutdinov 2016 (section 5), in which x depends on z1 alone, gives the width of z1: the decoder then
     * takes those columns only (every place it runs: training, evaluation, samples, {@code vae sample}). Since SPI
     * 2.3.
     */
    default int decoderInputWidth(int latentDim) {
        return latentDim;
    }
}
