package org.vaelab.spi.optim;

import java.util.OptionalDouble;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Supplies the ND4J updater (with its learning-rate schedule, if any) used for training, and an
 * optional bound on the gradient's global norm.
 */
public interface Optimizer {

    /** A new updater configuration; the framework instantiates one updater state per parameter from it. */
    IUpdater updater();

    /**
     * The largest global L2 norm of all gradients together: above it every gradient is scaled by
     * {@code maxNorm / norm} before the update (Pascanu et al. 2013, "On the difficulty of training
     * recurrent neural networks", algorithm 1). Empty for no clipping.
     */
    default OptionalDouble maxGradientNorm() {
        return OptionalDouble.empty();
    }
}
