package org.vaelab.spi.model;

import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The objective of a model's generative network, the decoder's and the prior's parameters (theta
 * in Rainforth et al. 2018, "Tighter Variational Bounds are Not Necessarily Better", section 4),
 * for a {@link ModelFamily} that trains it on another target than the inference network, the
 * encoder's and the posterior's parameters (phi), which minimise {@link ModelFamily#objective}.
 * The framework builds both from the same samples of z in one graph and one training step: it
 * gives {@code ModelFamily.objective} terms computed through the decoder and prior with their
 * parameters held constant, and this objective terms computed with the inference network's
 * outputs held constant (z, its log-density, the posterior's mean and log-variance), so that the
 * gradient of each group of parameters is that of its own loss alone. Since SPI 2.4.
 */
@FunctionalInterface
public interface GenerativeObjective {

    /**
     * The generative network's training loss, a scalar, and metrics logged every step as
     * {@code train/NAME} (names other than the family objective's), from {@code terms}, whose
     * values equal those {@link ModelFamily#objective} is given but reach only the decoder's and
     * the prior's parameters.
     */
    Objective objective(SameDiff sd, ObjectiveTerms terms);
}
