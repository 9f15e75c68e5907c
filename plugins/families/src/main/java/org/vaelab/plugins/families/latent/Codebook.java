package org.vaelab.plugins.families.latent;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The code book of a vector-quantised code (van den Oord, Vinyals and Kavukcuoglu 2017, "Neural Discrete
 * Representation Learning", section 3.1): K trainable vectors e_k of D values, {@code [K, D]}, and z laid out as
 * {@code groups = latentDim / D} vectors, each quantised to its nearest code. Values of shape {@code [rows, latentDim]}
 * are worked on as {@code [rows * groups, D]}, one vector a row. The posterior {@code vq} owns the code book, a
 * variable of its scope; the prior {@code vq} reads it from the same graph, or, in a graph of its own (samples from
 * the prior), declares it under the same name to be given the trained values.
 */
record Codebook(SameDiff sd, SDVariable vectors, int groups, int codes, int dimension) {

    /**
     * The code book's name in a model's graph: {@code codebook} in the posterior's scope, {@code posterior}
     * ({@code LatentContext.network()}).
     */
    static final String NAME = "posterior/codebook";

    /** The smallest probability whose log enters the entropy of code use; a code never used adds 0 (p log p -> 0). */
    private static final double SMALLEST_P = 1e-30;

    /**
     * The posterior's code book in {@code context}'s graph, created on first use with values uniform in
     * {@code [-1/K, 1/K]} (the initialisation of PyTorch-VAE's VQVAE).
     *
     * @throws InvalidInputException if {@code latent_dim} is not a multiple of {@code embedding_dim}
     */
    static Codebook ofPosterior(LatentContext context, CodebookConfig config) {
        int groups = groups(context, config, "model.posterior");
        NetworkBuilder net = context.network();
        String name = net.name("codebook");
        SDVariable vectors = context.sameDiff().hasVariable(name) ? context.sameDiff().getVariable(name)
                : net.variable("codebook", () -> net.uniform(1.0 / config.codes(), config.codes(),
                        config.embeddingDim()));
        return new Codebook(context.sameDiff(), vectors, groups, config.codes(), config.embeddingDim());
    }

    /**
     * The code book the prior reads: the posterior's, {@link #NAME}, or, where the graph has none, a variable of
     * that name and shape to be given the trained values.
     *
     * @throws InvalidInputException if {@code latent_dim} is not a multiple of {@code embedding_dim}
     */
    static Codebook ofPrior(LatentContext context, CodebookConfig config) {
        int groups = groups(context, config, "model.prior");
        SameDiff sd = context.sameDiff();
        SDVariable vectors = sd.hasVariable(NAME) ? sd.getVariable(NAME)
                : sd.var(NAME, Nd4j.zeros(DataType.FLOAT, config.codes(), config.embeddingDim()));
        return new Codebook(sd, vectors, groups, config.codes(), config.embeddingDim());
    }

    private static int groups(LatentContext context, CodebookConfig config, String key) {
        if (context.latentDim() % config.embeddingDim() != 0) {
            throw new InvalidInputException(key + ".embedding_dim: " + config.embeddingDim() + " does not divide "
                    + "model.latent_dim " + context.latentDim() + "; latent_dim must be groups * embedding_dim");
        }
        return context.latentDim() / config.embeddingDim();
    }

    /** {@code [rows, latentDim]} as {@code [rows * groups, D]}. */
    SDVariable byVector(SDVariable z) {
        return sd.reshape(z, -1, dimension);
    }

    /** {@code [rows * groups, D]} back as {@code [rows, latentDim]}. */
    SDVariable byRow(SDVariable vectorsByRow) {
        return sd.reshape(vectorsByRow, -1, groups * dimension);
    }

    /**
     * The nearest code of every row of {@code z}, {@code [n, D]}, as one-hot rows {@code [n, K]}:
     * {@code k = argmin_j ||z - e_j||^2} (eq. 1), computed as {@code argmin_j (||e_j||^2 - 2 z . e_j)}, the row's own
     * {@code ||z||^2} being the same for every j. The indices are integers, so no gradient flows through the choice.
     */
    SDVariable nearest(SDVariable z) {
        SDVariable norms = sd.reshape(vectors.mul(vectors).sum(1), 1, codes);
        SDVariable distances = norms.sub(sd.mmul(z, vectors, false, true, false).mul(2));
        return oneHot(sd.argmin(distances, 1));
    }

    /** The one-hot rows {@code [n, K]} of code indices {@code [n]}. */
    SDVariable oneHot(SDVariable indices) {
        return sd.oneHot(indices, codes, -1, 1.0, 0.0, vectors.dataType());
    }

    /** The code vectors {@code e_k} picked by one-hot rows {@code [n, K]}, as {@code [n, D]}. */
    SDVariable lookup(SDVariable oneHot) {
        return oneHot.mmul(vectors);
    }

    /**
     * How the codes of one-hot rows {@code [n, K]} are used: {@code codebook_perplexity}, {@code exp(H(p))} of the
     * codes' frequencies p (K when all are used equally, 1 when one code takes every row), and {@code codes_used},
     * the number of codes picked at least once.
     */
    Map<String, SDVariable> usage(SDVariable oneHot) {
        SDVariable frequencies = oneHot.mean(0);
        SDVariable entropy = frequencies.mul(sd.math().log(sd.math().clipByValue(frequencies, SMALLEST_P, 1.0)))
                .sum().neg();
        return Map.of("codebook_perplexity", sd.math().exp(entropy),
                "codes_used", sd.gt(frequencies, 0.0).castTo(DataType.FLOAT).sum());
    }
}
