package org.vaelab.spi.latent;

import java.util.Objects;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.model.Objective;
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
 * @param trainingTerm a loss the posterior adds to the model's training loss, whatever the model family, outside
 *     the ELBO and every reported bound, and the scalars it logs every step as {@code train/NAME}: the code book's
 *     losses and its usage for a vector-quantised code (van den Oord et al. 2017, eq. 3); empty (as before SPI 2.3)
 *     for a posterior trained by the ELBO alone. Since SPI 2.3.
 */
public record PosteriorSample(SDVariable z, SDVariable logDensity, Optional<GaussianDraw> gaussian,
                              Optional<Objective> trainingTerm) {

    public PosteriorSample {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(logDensity, "logDensity");
        Objects.requireNonNull(gaussian, "gaussian");
        Objects.requireNonNull(trainingTerm, "trainingTerm");
    }

    /** Samples without a training term of their own, as before SPI 2.3. */
    public PosteriorSample(SDVariable z, SDVariable logDensity, Optional<GaussianDraw> gaussian) {
        this(z, logDensity, gaussian, Optional.empty());
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
