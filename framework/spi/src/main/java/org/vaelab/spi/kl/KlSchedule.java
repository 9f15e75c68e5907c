package org.vaelab.spi.kl;

/**
 * Weights the KL term of the training objective as a function of the global step. The reported
 * ELBO never depends on it: only the training loss does.
 */
public interface KlSchedule {

    /** The penalty's weight and capacity at global step {@code step} (0-based). */
    KlWeighting at(long step, TrainingHorizon horizon);
}
