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
 * The VQ-VAE's prior (van den Oord, Vinyals and Kavukcuoglu 2017, section 3.1): uniform over the K codes of the
 * {@code vq} posterior's code book for each of z's {@code latent_dim / D} vectors, kept fixed during training, so
 * {@code log p(z) = -groups log K} for every z made of codes (the only z the {@code vq} posterior gives). Its
 * samples, for the figures, are codes drawn uniformly and independently for each vector: the paper fits an
 * autoregressive prior (PixelCNN) over the codes after training, which is not here, so such samples show what the
 * decoder makes of random codes, not what the model would generate.
 */
final class UniformCodebookPrior implements Prior {

    private static final String NEEDS_VQ_POSTERIOR = "the vq prior is uniform over the code book of the vq posterior; "
            + "use model.posterior vq with the same codes and embedding_dim";

    private final CodebookConfig config;

    UniformCodebookPrior(CodebookConfig config) {
        this.config = config;
    }

    /** The code book's shape, which the {@code vq} posterior must share. */
    CodebookConfig config() {
        return config;
    }

    @Override
    public PriorDensity build(LatentContext context) {
        return new Density(Codebook.ofPrior(context, config), config);
    }

    /** Any posterior but {@code vq} with the same codes and embedding_dim. */
    @Override
    public Optional<String> incompatibility(Posterior posterior) {
        return posterior instanceof VectorQuantisedPosterior vq && vq.config().codebook().equals(config)
                ? Optional.empty() : Optional.of(NEEDS_VQ_POSTERIOR);
    }

    /** The prior in one graph; its configuration tells the posterior whether the two match. */
    record Density(Codebook book, CodebookConfig config) implements PriorDensity {

        /** {@code -groups log K} for every row; z is taken to be made of codes, as the {@code vq} posterior's are. */
        @Override
        public SDVariable logDensity(SDVariable z) {
            return z.mul(0.0).sum(1).sub(book.groups() * Math.log(book.codes()));
        }

        /**
         * Refuses the encoder's Gaussian as q(z|x): its z are not codes, where this density lives.
         *
         * @throws InvalidInputException always
         */
        @Override
        public Optional<SDVariable> klPerDimension(GaussianPosterior q) {
            throw new InvalidInputException("model.posterior: " + NEEDS_VQ_POSTERIOR);
        }

        /**
         * One code per vector, its index {@code floor(K Phi(n))} of the first normal value n of the vector's D:
         * {@code Phi(n) = erfc(-n / sqrt 2) / 2} is uniform in (0, 1), so each of the K codes has probability 1/K.
         */
        @Override
        public SDVariable sample(SDVariable normal, SDVariable uniform) {
            SameDiff sd = book.sd();
            SDVariable first = sd.gather(book.byVector(normal), new int[] {0}, 1);
            SDVariable u = sd.math().erfc(first.mul(-Math.sqrt(0.5))).mul(0.5);
            SDVariable index = sd.math().clipByValue(sd.math().floor(u.mul(book.codes())), 0, book.codes() - 1);
            return book.byRow(book.lookup(book.oneHot(sd.reshape(index.castTo(DataType.INT), -1))));
        }
    }
}
