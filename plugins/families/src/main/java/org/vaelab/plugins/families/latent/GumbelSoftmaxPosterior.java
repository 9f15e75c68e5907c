package org.vaelab.plugins.families.latent;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * q(z|x) as categorical variables relaxed by the Gumbel-softmax (Jang, Gu and Poole 2017, "Categorical
 * Reparameterization with Gumbel-Softmax", eq. 1; the Concrete distribution of Maddison, Mnih and Teh 2017): the
 * encoder's mean output are the logits of {@code latent_dim / K} variables of K classes, and each variable's
 * sample is {@code y = softmax((logits + g) / tau)}, {@code g = -log(-log u)} Gumbel noise. u is the framework's
 * standard normal eps through the normal CDF, {@code u = erfc(-eps / sqrt 2) / 2}, so the noise still comes from
 * the run's seeded generator. log q(z|x) is the Concrete log-density
 * ({@link CategoricalCode#concreteLogDensity}); against the uniform {@code categorical} prior the KL is that of the
 * categorical variables in closed form, {@code sum_k q_k log(q_k K)}, as in PyTorch-VAE's CategoricalVAE.
 *
 * <p>The encoder's log-variance output has no role here. As the framework differentiates the loss in every weight,
 * it is added to z times 0: its weights get zero gradients, and Adam (whose step is proportional to the running
 * mean of the gradient) leaves them at their initial values.
 *
 * <p>tau is fixed for a run. The paper anneals it, {@code tau = max(tau_min, tau_0 exp(-r t))} at step t; the
 * posterior has no access to the training step (that would need an SPI addition), and PyTorch-VAE's CategoricalVAE,
 * whose floor is its starting temperature (0.5), in effect trains at a fixed tau too.
 */
final class GumbelSoftmaxPosterior implements Posterior {

    /** u is kept within float precision of (0, 1), so that g is finite: u is below 1e-30 with p ~ 1e-28. */
    private static final double SMALLEST_U = 1e-30;
    private static final double LARGEST_U = 1 - 6e-8;

    private final CategoricalCodeConfig config;

    GumbelSoftmaxPosterior(CategoricalCodeConfig config) {
        this.config = config;
    }

    /** The categories and temperature, which the {@code categorical} prior must share. */
    CategoricalCodeConfig config() {
        return config;
    }

    @Override
    public PosteriorSample sample(LatentContext context, GaussianPosterior encoded, SDVariable eps) {
        SameDiff sd = context.sameDiff();
        CategoricalCode code = CategoricalCode.of(context, config, "model.posterior");
        SDVariable logits = code.byVariable(encoded.mean());
        SDVariable u = sd.math().clipByValue(sd.math().erfc(code.byVariable(eps).mul(-Math.sqrt(0.5))).mul(0.5),
                SMALLEST_U, LARGEST_U);
        SDVariable gumbel = sd.math().log(sd.math().log(u).neg()).neg();
        SDVariable logY = code.logSoftmax(logits.add(gumbel).div(config.temperature()));
        SDVariable z = code.byRow(sd.math().exp(logY)).add(encoded.logVariance().mul(0.0));
        return new PosteriorSample(z, code.concreteLogDensity(logits, logY), Optional.empty());
    }

    /**
     * The class probabilities {@code softmax(logits)} of each variable: E_q[z] of the categorical code, which the
     * relaxed samples' mean approaches as tau goes to 0 (Maddison et al. 2017, proposition 1c), where the figures'
     * reconstructions and interpolations start.
     */
    @Override
    public SDVariable code(LatentContext context, GaussianPosterior encoded) {
        return CategoricalCode.of(context, config, "model.posterior").probabilities(encoded.mean());
    }

    /** Any prior but {@code categorical} with the same categories and temperature. */
    @Override
    public Optional<String> incompatibility(Prior prior) {
        return prior instanceof UniformCategoricalPrior categorical && categorical.config().equals(config)
                ? Optional.empty() : Optional.of(needsCategoricalPrior());
    }

    /**
     * {@code q_k log(q_k K)} per class against the {@code categorical} prior of the same K and tau.
     *
     * @throws InvalidInputException for any other prior
     */
    @Override
    public Optional<SDVariable> klPerDimension(GaussianPosterior encoded, PriorDensity prior) {
        if (!(prior instanceof UniformCategoricalPrior.Density uniform) || !uniform.config().equals(config)) {
            throw new InvalidInputException("model.prior: " + needsCategoricalPrior());
        }
        return Optional.of(uniform.code().klPerClass(encoded.mean()));
    }

    private String needsCategoricalPrior() {
        return "the gumbel_softmax posterior needs the categorical prior with its categories (" + config.categories()
                + ") and temperature (" + config.temperature() + ")";
    }
}
