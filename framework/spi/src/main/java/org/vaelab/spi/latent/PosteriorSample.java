package org.vaelab.spi.latent;

import java.util.Objects;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * Samples of z drawn from q(z|x) by reparameterisation, with their log-density. Rows are
 * sample-major, as everywhere in the graph. Since SPI 2.1.
 *
 * @param z the samples, {@code [rows, latentDim]}
 * @param logDensity log q(z|x) of every row, {@code [rows]}, in nats with all normalising constants
 * @param gaussian when q(z|x) is the encoder's diagonal Gaussian itself (z = mean + sigma * eps),
 *     its parameters per row and the noise, so a prior can use closed forms (see
 *     {@link PriorDensity#logRatio}); empty for any other q, such as a flow
 */
public record PosteriorSample(SDVariable z, SDVariable logDensity, Optional<GaussianDraw> gaussian) {

    public PosteriorSample {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(logDensity, "logDensity");
        Objects.requireNonNull(gaussian, "gaussian");
    }

    /**
     * A draw {@code z = mean + exp(logVariance / 2) * eps} from a diagonal Gaussian.
     *
     * @param parameters mean and log-variance per row, {@code [rows, latentDim]}
     * @param eps the standard normal noise, {@code [rows, latentDim]}
     */
    public record GaussianDraw(GaussianPosterior parameters, SDVariable eps) {
    }
}
