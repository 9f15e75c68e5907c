package org.vaelab.spi.model;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.nn.NetworkBuilder;
import org.vaelab.spi.optim.Optimizer;

/**
 * A second network a {@link ModelFamily} trains beside the VAE, with parameters, a loss and an
 * optimizer of its own, such as the discriminator of FactorVAE (Kim and Mnih 2018, "Disentangling
 * by Factorising", Algorithm 2). The plugin says what to train; the framework decides how: it
 * builds the network on the model's codes, trains its parameters on {@link #objective} alone with
 * their own updater state from {@link #optimizer}, adds {@link #modelLoss} to the model's loss with
 * the network held constant, and saves and restores both optimizers' states in the checkpoint. The
 * VAE's loss never moves this network's parameters, nor its loss the VAE's. Since SPI 2.3.
 */
public interface AuxiliaryNetwork {

    /**
     * The name scope of its parameters, {@code scope/...}: a lower-case word, unique among the
     * family's networks and other than {@code encoder}, {@code decoder}, {@code prior} and
     * {@code posterior}.
     */
    String scope();

    /** How its parameters are updated: an optimizer of their own, with its own state. */
    Optimizer optimizer();

    /**
     * The network applied to {@code codes}, {@code [rows, latentDim]}: one value per row or more
     * columns, as the network's losses read them. The framework calls it more than once with the
     * same calls (with a builder that creates the variables, then with ones that share them), so
     * it adds layers through {@code network} only.
     */
    SDVariable apply(NetworkBuilder network, SDVariable codes, int latentDim);

    /**
     * The network's training loss, a scalar, and metrics logged every step as {@code train/NAME}
     * (averaged over an epoch), from its outputs on codes of the batch ({@link AuxiliaryTerms});
     * only this network's parameters are trained on it.
     */
    Objective objective(SameDiff sd, AuxiliaryTerms terms);

    /**
     * The term this network adds to the model's training loss, a scalar, from {@code output}, its
     * output on the model's codes z (every sample of z of the batch), with its parameters held
     * constant: the term's gradient reaches the encoder, never this network. Empty by default.
     */
    default Optional<SDVariable> modelLoss(SameDiff sd, SDVariable output) {
        return Optional.empty();
    }
}
