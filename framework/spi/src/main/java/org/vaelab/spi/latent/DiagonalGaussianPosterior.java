package org.vaelab.spi.latent;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The diagonal Gaussian q(z|x) = N(mu, diag(sigma^2)) of Kingma and Welling 2014, "Auto-Encoding
 * Variational Bayes": the encoder's outputs themselves, sampled by the reparameterisation of
 * section 2.4, {@code z = mu + sigma * eps}, with
 * {@code log q(z|x) = -1/2 sum_j (eps_j^2 + log sigma_j^2 + log 2 pi)}. The default of
 * {@code model.posterior}. Since SPI 2.1.
 */
public final class DiagonalGaussianPosterior implements Posterior {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    @Override
    public PosteriorSample sample(LatentContext context, GaussianPosterior encoded, SDVariable eps) {
        SameDiff sd = context.sameDiff();
        SDVariable z = encoded.mean().add(sd.math().exp(encoded.logVariance().mul(0.5)).mul(eps));
        SDVariable logDensity = RowSums.of(sd, sd.math().square(eps).add(encoded.logVariance()).add(LOG_TWO_PI),
                context.latentDim()).mul(-0.5);
        return new PosteriorSample(z, logDensity, Optional.of(new PosteriorSample.GaussianDraw(encoded, eps)));
    }

    @Override
    public boolean meanIsEncoderMean() {
        return true;
    }
}
