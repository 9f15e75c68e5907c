package org.vaelab.spi.model;

import java.util.List;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.data.DataShape;

/**
 * A model family: the training objective built on the shared encoder, decoder, likelihood and KL
 * terms ({@code model.family} in a spec, default {@code vae}). Whatever the family, the framework
 * reports the true ELBO and its terms, the importance-weighted log-likelihood and the latent
 * statistics; a family only decides what training minimises.
 */
public interface ModelFamily {

    /** Samples of z per example the objective needs, given the spec's {@code train.mc_samples}. */
    default int samples(int mcSamples) {
        return mcSamples;
    }

    /**
     * What the encoder and decoder are conditioned on for data of {@code shape}; none by default.
     * Since SPI 1.1.
     *
     * @throws org.vaelab.spi.InvalidInputException when the family cannot model data of this
     *     shape (a family conditioned on labels, given data without labels), naming what it needs
     */
    default Conditioning conditioning(DataShape shape) {
        return Conditioning.NONE;
    }

    /**
     * Whether the objective compares the codes with samples from the prior p(z) (an MMD, as in
     * WAE-MMD and InfoVAE): then {@link ObjectiveTerms#priorSample()} holds as many draws as there
     * are samples of z, fed every step from the run's seeded generator (never a random op in the
     * graph); otherwise it is null. False by default. Since SPI 2.1.
     */
    default boolean usesPriorSamples() {
        return false;
    }

    /**
     * Whether the objective is written for the default latent parts, the N(0, I) prior and the
     * encoder's diagonal Gaussian posterior: beta-TCVAE's decomposition reads q's Gaussian densities
     * and N(0, I), and the MMD families compare the codes with N(0, I) draws. A spec that gives such
     * a family another prior or posterior is refused before it runs. False by default. Since SPI 2.1.
     */
    default boolean needsDefaultLatents() {
        return false;
    }

    /**
     * Networks trained beside the model, each on a loss and with an optimizer of its own (such as
     * FactorVAE's discriminator); none by default. Since SPI 2.3.
     */
    default List<AuxiliaryNetwork> auxiliaryNetworks() {
        return List.of();
    }

    /**
     * What the generative network's parameters (decoder and prior) minimise, where it is not
     * {@link #objective}: then {@code objective} trains the inference network's parameters
     * (encoder and posterior) alone, and this objective the generative network's alone, both on
     * the same samples of z (PIWAE, Rainforth et al. 2018, section 4). Empty by default: every
     * parameter minimises {@code objective}. It costs a second pass through the decoder (and the
     * prior), and refuses a decoder with dropout. Since SPI 2.4.
     */
    default Optional<GenerativeObjective> generativeObjective() {
        return Optional.empty();
    }

    /**
     * The training loss of one batch and any extra metrics, from the graph's terms; with a
     * {@link #generativeObjective}, the loss of the inference network's parameters alone.
     */
    Objective objective(SameDiff sd, ObjectiveTerms terms);
}
