package org.vaelab.plugins.optim;

import java.util.OptionalDouble;
import java.util.function.Function;
import org.nd4j.linalg.learning.config.IUpdater;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.optim.Optimizer;

/**
 * An optimizer that is one ND4J updater, built afresh each time it is asked for, and an optional
 * bound on the gradients' global norm. Every built-in optimizer is one; its factory says which
 * updater and cites the paper.
 */
final class UpdaterOptimizer implements Optimizer {

    private final Function<TrainingHorizon, IUpdater> updaters;
    private final OptionalDouble maxGradientNorm;
    private final OptionalDouble decoupledWeightDecay;

    /**
     * @param updaters builds the updater for a run's length, learning-rate schedule included
     * @param maxGradNorm the configuration's {@code max_grad_norm}, null for no clipping
     * @param weightDecay decoupled weight decay, null for none
     */
    UpdaterOptimizer(Function<TrainingHorizon, IUpdater> updaters, Double maxGradNorm, Double weightDecay) {
        this.updaters = updaters;
        this.maxGradientNorm = maxGradNorm == null ? OptionalDouble.empty() : OptionalDouble.of(maxGradNorm);
        this.decoupledWeightDecay = weightDecay == null ? OptionalDouble.empty() : OptionalDouble.of(weightDecay);
    }

    @Override
    public IUpdater updater(TrainingHorizon horizon) {
        return updaters.apply(horizon);
    }

    @Override
    public OptionalDouble maxGradientNorm() {
        return maxGradientNorm;
    }

    @Override
    public OptionalDouble decoupledWeightDecay() {
        return decoupledWeightDecay;
    }
}
