package org.vaelab.plugins.families.latent;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The VQ-VAE's q(z|x) (van den Oord, Vinyals and Kavukcuoglu 2017, "Neural Discrete Representation Learning",
 * section 3.1): the encoder's mean output z_e is split into {@code latent_dim / D} vectors of D values, each replaced
 * by its nearest code e_k of a learned code book ({@link Codebook}, eq. 1-2), so q(z|x) is one-hot, a point mass.
 * The decoder gets {@code z_q = z_e + sg[e_k - z_e]}: the value e_k, the gradient passed straight through to z_e
 * (section 3.2). The posterior's training term is eq. 3 without its reconstruction term,
 * {@code ||sg[z_e] - e||^2 + beta ||z_e - sg[e]||^2}, summed over each example's vectors and averaged over the batch
 * like the reconstruction loss: the first moves the codes towards the encoder's outputs, the second commits the
 * encoder to its codes. It logs the batch's {@code codebook_perplexity} and {@code codes_used}
 * ({@link Codebook#usage}).
 *
 * <p>log q(z|x) is 0 (q puts all its mass on the chosen codes) and log p(z) is {@code -groups log K} under the
 * uniform prior {@code vq}, so the KL is the constant {@code groups log K} (section 3.1) and every sample of z is the
 * same; the encoder's log-variance and the noise eps have no role and are added to z times 0, so their weights get
 * zero gradients and the graph reads every input it is fed.
 */
final class VectorQuantisedPosterior implements Posterior {

    private final VectorQuantiserConfig config;

    VectorQuantisedPosterior(VectorQuantiserConfig config) {
        this.config = config;
    }

    /** The options, whose code book shape the {@code vq} prior must share. */
    VectorQuantiserConfig config() {
        return config;
    }

    /** Any prior but {@code vq} with the same codes and embedding_dim. */
    @Override
    public Optional<String> incompatibility(Prior prior) {
        return prior instanceof UniformCodebookPrior uniform && uniform.config().equals(config.codebook())
                ? Optional.empty() : Optional.of(needsVqPrior());
    }

    @Override
    public PosteriorSample sample(LatentContext context, GaussianPosterior encoded, SDVariable eps) {
        SameDiff sd = context.sameDiff();
        Codebook book = Codebook.ofPosterior(context, config.codebook());
        SDVariable encoderOutput = book.byVector(encoded.mean());
        SDVariable assignment = book.nearest(encoderOutput);
        SDVariable codes = book.lookup(assignment);
        SDVariable straightThrough = encoderOutput.add(stopGradient(sd, codes.sub(encoderOutput)));
        SDVariable z = book.byRow(straightThrough).add(encoded.logVariance().add(eps).mul(0.0));
        SDVariable codebookLoss = squaredDistance(book, stopGradient(sd, encoderOutput), codes);
        SDVariable commitmentLoss = squaredDistance(book, encoderOutput, stopGradient(sd, codes));
        Objective term = new Objective(codebookLoss.add(commitmentLoss.mul(config.betaCommit())),
                book.usage(assignment));
        return new PosteriorSample(z, z.mul(0.0).sum(1), Optional.empty(), Optional.of(term));
    }

    /** The quantised code {@code e_k} of every example, {@code [batch, latentDim]}, which the decoder sees. */
    @Override
    public SDVariable code(LatentContext context, GaussianPosterior encoded) {
        Codebook book = Codebook.ofPosterior(context, config.codebook());
        return book.byRow(book.lookup(book.nearest(book.byVector(encoded.mean()))));
    }

    /**
     * Checks that the prior is {@code vq} with this code book's shape; empty, as the KL has no per-dimension form:
     * the framework's estimate {@code E_q[log q(z|x) - log p(z)]} is exact here, {@code groups log K}, q being a
     * point mass.
     *
     * @throws InvalidInputException for any other prior
     */
    @Override
    public Optional<SDVariable> klPerDimension(GaussianPosterior encoded, PriorDensity prior) {
        if (!(prior instanceof UniformCodebookPrior.Density uniform) || !uniform.config().equals(config.codebook())) {
            throw new InvalidInputException("model.prior: " + needsVqPrior());
        }
        return Optional.empty();
    }

    private String needsVqPrior() {
        return "the vq posterior needs the vq prior with its codes (" + config.codes() + ") and embedding_dim ("
                + config.embeddingDim() + ")";
    }

    /** {@code mean over rows of sum_g ||a_g - b_g||^2}: the squared distances of each row's vectors, summed. */
    private static SDVariable squaredDistance(Codebook book, SDVariable a, SDVariable b) {
        SDVariable difference = a.sub(b);
        return difference.mul(difference).sum(1).mean().mul(book.groups());
    }

    /** {@code sg[v]}: the value of v, through which no gradient flows. */
    private static SDVariable stopGradient(SameDiff sd, SDVariable v) {
        return new StopGradient(sd, v).outputVariable();
    }
}
