package org.vaelab.spi.latent;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * A prior p(z) added to one graph ({@link Prior#build}): its log-density, samples, and the closed
 * forms it has against a diagonal Gaussian q(z|x). Since SPI 2.1.
 */
public interface PriorDensity {

    /** log p(z) of every row of {@code z}, {@code [rows, latentDim]}, as {@code [rows]}, in nats. */
    SDVariable logDensity(SDVariable z);

    /**
     * Rows of z drawn from p(z), {@code [rows, latentDim]}, from noise the framework draws.
     *
     * @param normal standard normal values, {@code [rows, latentDim]}
     * @param uniform uniform values in [0, 1), {@code [rows, 1]} (to pick a mixture's component)
     */
    SDVariable sample(SDVariable normal, SDVariable uniform);

    /**
     * KL(q(z_j|x) || p(z_j)) per row and latent dimension in closed form, {@code [rows, latentDim]},
     * when p factorises and the pair has one; empty (the default) otherwise, and the framework
     * estimates the KL by Monte Carlo, {@code E_q[log q(z|x) - log p(z)]}.
     */
    default Optional<SDVariable> klPerDimension(GaussianPosterior q) {
        return Optional.empty();
    }

    /**
     * {@code log p(z) - log q(z|x)} of every row of {@code sample}, {@code [rows]}: the log
     * importance ratio of Burda et al. 2016, eq. 8. By default the difference of the two
     * log-densities; a prior may override it with a form that is exact for a Gaussian draw.
     */
    default SDVariable logRatio(PosteriorSample sample) {
        return logDensity(sample.z()).sub(sample.logDensity());
    }
}
