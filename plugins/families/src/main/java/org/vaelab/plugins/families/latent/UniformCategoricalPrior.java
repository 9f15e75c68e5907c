package org.vaelab.plugins.families.latent;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The uniform prior over {@code latent_dim / K} categorical variables of K classes (Jang, Gu and Poole 2017,
 * section 3.2), no parameters. Its density, for the importance weights, is that of its Concrete relaxation at the
 * posterior's temperature, all logits 0 (Maddison et al. 2017, eq. 2; {@link CategoricalCode#concreteLogDensity}),
 * so that {@code log p(z) - log q(z|x)} is the log ratio of the relaxed model (Maddison et al. 2017, section 5);
 * its samples, for the figures, are one-hot codes with a uniformly drawn class per variable. The KL against the
 * {@code gumbel_softmax} posterior is in closed form ({@link GumbelSoftmaxPosterior#klPerDimension}).
 */
final class UniformCategoricalPrior implements Prior {

    /** y is kept at or above this before its log, so that a class relaxed to 0 in float has a finite density. */
    private static final double SMALLEST_Y = 1e-30;

    private final CategoricalCodeConfig config;

    UniformCategoricalPrior(CategoricalCodeConfig config) {
        this.config = config;
    }

    /** The categories and temperature, which the {@code gumbel_softmax} posterior must share. */
    CategoricalCodeConfig config() {
        return config;
    }

    @Override
    public PriorDensity build(LatentContext context) {
        return new Density(CategoricalCode.of(context, config, "model.prior"), config);
    }

    /** Any posterior but {@code gumbel_softmax} with the same categories and temperature. */
    @Override
    public Optional<String> incompatibility(Posterior posterior) {
        return posterior instanceof GumbelSoftmaxPosterior gumbel && gumbel.config().equals(config) ? Optional.empty()
                : Optional.of("the categorical prior is a density of codes on the probability simplex; use "
                        + "model.posterior gumbel_softmax with the same categories (" + config.categories()
                        + ") and temperature (" + config.temperature() + ")");
    }

    /** The prior in one graph; its configuration tells the posterior whether the two match. */
    record Density(CategoricalCode code, CategoricalCodeConfig config) implements PriorDensity {

        @Override
        public SDVariable logDensity(SDVariable z) {
            SameDiff sd = code.sd();
            SDVariable logY = sd.math().log(sd.math().clipByValue(code.byVariable(z), SMALLEST_Y, 1.0));
            return code.concreteLogDensity(sd.zerosLike(logY), logY);
        }

        /**
         * Refuses the encoder's Gaussian as q(z|x): its z are not on the simplex, where this density lives.
         *
         * @throws InvalidInputException always
         */
        @Override
        public Optional<SDVariable> klPerDimension(GaussianPosterior q) {
            throw new InvalidInputException("model.posterior: the categorical prior is a density of codes on the "
                    + "probability simplex; use model.posterior gumbel_softmax with the same categories and "
                    + "temperature");
        }

        /** One-hot codes: per variable the class of the largest of K standard normal values, uniform by symmetry. */
        @Override
        public SDVariable sample(SDVariable normal, SDVariable uniform) {
            SameDiff sd = code.sd();
            SDVariable values = code.byVariable(normal);
            return code.byRow(sd.eq(values, values.max(true, 1)).castTo(DataType.FLOAT));
        }
    }
}
