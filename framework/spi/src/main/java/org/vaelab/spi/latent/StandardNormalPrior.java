package org.vaelab.spi.latent;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The prior p(z) = N(0, I) of Kingma and Welling 2014, "Auto-Encoding Variational Bayes": no
 * parameters, {@code log p(z) = -1/2 sum_j (z_j^2 + log 2 pi)}, and against a diagonal Gaussian
 * q(z|x) = N(mu, diag(sigma^2)) the closed-form KL of their appendix B,
 * {@code KL_j = 1/2 (sigma_j^2 + mu_j^2 - 1 - log sigma_j^2)}. The default of {@code model.prior}.
 * Since SPI 2.1.
 */
public final class StandardNormalPrior implements Prior {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    @Override
    public PriorDensity build(LatentContext context) {
        return new Density(context.sameDiff(), context.latentDim());
    }

    @Override
    public boolean isStandardNormal() {
        return true;
    }

    private record Density(SameDiff sd, int latentDim) implements PriorDensity {

        @Override
        public SDVariable logDensity(SDVariable z) {
            return RowSums.of(sd, sd.math().square(z).add(LOG_TWO_PI), latentDim).mul(-0.5);
        }

        @Override
        public SDVariable sample(SDVariable normal, SDVariable uniform) {
            return sd.identity(normal);
        }

        @Override
        public Optional<SDVariable> klPerDimension(GaussianPosterior q) {
            return Optional.of(sd.math().exp(q.logVariance()).add(sd.math().square(q.mean())).sub(1.0)
                    .sub(q.logVariance()).mul(0.5));
        }

        /**
         * For a Gaussian draw {@code z = mu + sigma * eps}, {@code sum_j (eps_j^2 - z_j^2 + log sigma_j^2) / 2}:
         * the {@code log(2 pi) / 2} of both densities cancelling exactly, and {@code (z - mu) / sigma}
         * taken as eps itself rather than recomputed; the difference of the log-densities otherwise.
         */
        @Override
        public SDVariable logRatio(PosteriorSample sample) {
            return sample.gaussian().map(draw -> RowSums.of(sd, sd.math().square(draw.eps())
                    .sub(sd.math().square(sample.z())).add(draw.parameters().logVariance()).mul(0.5), latentDim))
                    .orElseGet(() -> PriorDensity.super.logRatio(sample));
        }
    }
}
