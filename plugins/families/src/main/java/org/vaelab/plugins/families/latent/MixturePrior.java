package org.vaelab.plugins.families.latent;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * A learned mixture of K diagonal Gaussians as the prior, {@code p(z) = sum_k pi_k N(z; mu_k, diag(sigma_k^2))}
 * (the "mixture of Gaussians" prior Tomczak and Welling 2018, "VAE with a VampPrior", section 2.2, compare with;
 * Dilokthanakul et al. 2016): means {@code prior/means} start uniform in [-1, 1], log-variances
 * {@code prior/log_variances} at 0, and the weights are 1/K or, learned, {@code softmax(prior/weight_logits)}
 * starting equal. Trained with the rest of the model on the ELBO, whose KL has no closed form: the framework
 * estimates it by Monte Carlo.
 */
final class MixturePrior implements Prior {

    private final MixturePriorConfig config;

    MixturePrior(MixturePriorConfig config) {
        this.config = config;
    }

    @Override
    public PriorDensity build(LatentContext context) {
        SameDiff sd = context.sameDiff();
        NetworkBuilder net = context.network();
        int k = config.components();
        int d = context.latentDim();
        SDVariable means = net.variable("means", () -> net.uniform(1.0, k, d));
        SDVariable logVariances = net.variable("log_variances", () -> Nd4j.zeros(DataType.FLOAT, k, d));
        GaussianMixture mixture = config.learnedWeights()
                ? new GaussianMixture(sd, means, logVariances, logSoftmax(sd,
                        net.variable("weight_logits", () -> Nd4j.zeros(DataType.FLOAT, 1, k)), k), k, d)
                : GaussianMixture.uniform(sd, means, logVariances, k, d);
        return new MixtureDensity(mixture);
    }

    /** {@code log softmax} of the {@code [1, k]} logits, {@code l - logsumexp(l)}, around the largest logit. */
    private static SDVariable logSoftmax(SameDiff sd, SDVariable logits, int k) {
        SDVariable shifted = logits.sub(logits.max(true, 1));
        return shifted.sub(sd.math().log(RowSums.of(sd, sd.math().exp(shifted), k)));
    }

    /** A prior whose density is a {@link GaussianMixture}. */
    record MixtureDensity(GaussianMixture mixture) implements PriorDensity {

        @Override
        public SDVariable logDensity(SDVariable z) {
            return mixture.logDensity(z);
        }

        @Override
        public SDVariable sample(SDVariable normal, SDVariable uniform) {
            return mixture.sample(normal, uniform);
        }
    }
}
