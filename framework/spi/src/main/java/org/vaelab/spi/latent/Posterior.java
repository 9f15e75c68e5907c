package org.vaelab.spi.latent;

import java.util.List;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The approximate posterior q(z|x) ({@code model.posterior} in a spec, default {@code gaussian}),
 * built on the encoder's diagonal Gaussian: the encoder gives mean and log-variance, the posterior
 * turns them and standard normal noise into reparameterised samples of z and their log-density
 * (Kingma and Welling 2014, section 2.4). A normalising flow (Rezende and Mohamed 2015) transforms
 * the Gaussian draw and corrects the density by the log-determinants. Since SPI 2.1.
 *
 * <p>The noise is a placeholder the framework fills from the run's seeded generator; a posterior
 * adds no random op to the graph.
 */
public interface Posterior {

    /**
     * Adds q(z|x) to the graph: samples of z and their log q(z|x).
     *
     * @param context the graph and where to create this posterior's own variables
     * @param encoded the encoder's mean and log-variance for every row, {@code [rows, latentDim]}
     *     (each example repeated once per sample of z)
     * @param eps standard normal noise, {@code [rows, latentDim]}
     */
    PosteriorSample sample(LatentContext context, GaussianPosterior encoded, SDVariable eps);

    /**
     * Whether E_q[z] is the encoder's mean, so that the activity of latent dimensions (Burda et
     * al. 2016, section 5.2) is measured on it: true for the diagonal Gaussian, false (the
     * default) for a posterior that moves the samples, such as a flow.
     */
    default boolean meanIsEncoderMean() {
        return false;
    }

    /**
     * KL(q(z_j|x) || p(z_j)) per row and latent dimension in closed form, {@code [rows, latentDim]}, for a
     * posterior that is not the encoder's Gaussian (so {@link PriorDensity#klPerDimension} does not apply) and
     * has one against {@code prior}, such as a categorical q against a uniform categorical p; empty (the default)
     * otherwise, and the framework estimates the KL by Monte Carlo. Since SPI 2.2.
     *
     * @param encoded the encoder's outputs for every example, {@code [batch, latentDim]}, one row per example
     * @param prior the model's prior, built in the same graph
     */
    default Optional<SDVariable> klPerDimension(GaussianPosterior encoded, PriorDensity prior) {
        return Optional.empty();
    }

    /**
     * The code that stands for each example where one point of z is wanted (the reconstructions, traversals and
     * interpolations of the figures), {@code [batch, latentDim]}: by default the encoder's mean; a posterior whose
     * samples live elsewhere than the encoder's outputs gives a point where they live, such as the class
     * probabilities of a categorical code. Since SPI 2.2.
     *
     * @param context the graph
     * @param encoded the encoder's outputs for every example, {@code [batch, latentDim]}
     */
    default SDVariable code(LatentContext context, GaussianPosterior encoded) {
        return encoded.mean();
    }

    /**
     * Why this posterior cannot be paired with {@code prior} in one model, for a posterior that only works with a
     * prior of its own kind (the VQ-VAE's code book with its uniform prior over the codes); empty (the default) when
     * it can. The framework refuses such a spec before anything runs, at {@code model.prior}. Since SPI 2.3.
     */
    default Optional<String> incompatibility(Prior prior) {
        return Optional.empty();
    }

    /**
     * The stochastic layers of z, in column order, their widths summing to {@code latentDim}, for a posterior over
     * several, such as {@code q(z1|x) q(z2|z1)} of the VAE with two stochastic layers (Burda, Grosse and
     * Salakhutdinov 2016, section 5); empty (the default) for a posterior over one. The framework then counts the
     * active units of each layer (their section 5.2, {@code Cov_x(E_q[u|x]) > 0.01} for each unit u) on
     * {@link #code}, which such a posterior makes each layer's posterior mean E_q[u|x], or the approximation of it
     * that the posterior documents (their E_q[z2|x] taken as the mean of q(z2|z1) at z1's mean). Since SPI 2.4.
     *
     * @param latentDim the size of z
     */
    default List<StochasticLayer> layers(int latentDim) {
        return List.of();
    }
}
