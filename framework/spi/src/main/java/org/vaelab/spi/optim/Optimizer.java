package org.vaelab.spi.optim;

import java.util.OptionalDouble;
import org.nd4j.linalg.learning.config.IUpdater;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * Supplies the ND4J updater (with its learning-rate schedule, if any) used for training, an
 * optional bound on the gradient's global norm, and optional decoupled weight decay.
 */
public interface Optimizer {

    /**
     * A new updater configuration for a run of length {@code horizon} (which a learning-rate
     * schedule may span); the framework instantiates one updater state per parameter from it.
     */
    IUpdater updater(TrainingHorizon horizon);

    /**
     * The largest global L2 norm of all gradients together: above it every gradient is scaled by
     * {@code maxNorm / norm} before the update (Pascanu et al. 2013, "On the difficulty of training
     * recurrent neural networks", algorithm 1). Empty for no clipping.
     */
    default OptionalDouble maxGradientNorm() {
        return OptionalDouble.empty();
    }

    /**
     * Decoupled weight decay lambda: before each update every parameter is multiplied by
     * {@code 1 - lr(t) * lambda}, outside the gradient and its clipping (Loshchilov and Hutter 2019,
     * "Decoupled Weight Decay Regularization", algorithm 2, with PyTorch's lr-scaled convention).
     * Empty for none.
     */
    default OptionalDouble decoupledWeightDecay() {
        return OptionalDouble.empty();
    }
}
