package org.vaelab.plugins.optim;

import java.util.OptionalDouble;
import java.util.function.Function;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.vaelab.plugins.optim.schedule.LearningRateSchedule;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.optim.Optimizer;

/**
 * An optimizer that is one ND4J updater, built afresh each time it is asked for, and an optional
 * bound on the gradients' global norm. Every built-in optimizer is one; the static method that
 * makes it says which updater and cites the paper.
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

    /**
     * The optimizer type {@code adam}: Adam (Kingma and Ba 2015, "Adam: A Method for Stochastic
     * Optimization", algorithm 1), ND4J's {@link Adam} with the configured learning-rate schedule.
     * ND4J computes the step in the form given at the end of the paper's section 2,
     * {@code lr(t) * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + epsilon)}, so epsilon is
     * added before the bias correction rather than after as in algorithm 1.
     */
    static UpdaterOptimizer adam(AdamConfig config) {
        return new UpdaterOptimizer(horizon -> adamUpdater(config.lr(), config.beta1(), config.beta2(),
                config.epsilon(), config.schedule(), horizon), config.maxGradNorm(), null);
    }

    /**
     * The optimizer type {@code adamw}: AdamW (Loshchilov and Hutter 2019, "Decoupled Weight Decay
     * Regularization", algorithm 2), ND4J's Adam, with the weight decay applied by the trainer to the
     * parameters themselves rather than through the gradient, as
     * {@link Optimizer#decoupledWeightDecay()} describes.
     */
    static UpdaterOptimizer adamW(AdamWConfig config) {
        return new UpdaterOptimizer(horizon -> adamUpdater(config.lr(), config.beta1(), config.beta2(),
                config.epsilon(), config.schedule(), horizon), config.maxGradNorm(), config.weightDecay());
    }

    /**
     * The optimizer type {@code sgd}: stochastic gradient descent, ND4J's {@link Sgd},
     * {@code theta -= lr(t) * g} (Robbins and Monro 1951), or with {@code nesterov} ND4J's
     * {@link Nesterovs}, Nesterov's accelerated gradient in the form of Sutskever et al. 2013, "On
     * the importance of initialization and momentum in deep learning", equations 3 and 4, rewritten
     * on the current parameters as in Bengio et al. 2013, "Advances in optimizing recurrent networks"
     * ({@code v = mu * v - lr(t) * g}, {@code theta += -mu * v_prev + (1 + mu) * v}).
     */
    static UpdaterOptimizer sgd(SgdConfig config) {
        return new UpdaterOptimizer(horizon -> sgdUpdater(config, horizon), config.maxGradNorm(), null);
    }

    /**
     * The optimizer type {@code rmsprop}: RMSProp (Tieleman and Hinton 2012, "Lecture 6.5 -
     * rmsprop: Divide the gradient by a running average of its recent magnitude", COURSERA: Neural
     * Networks for Machine Learning), ND4J's {@link RmsProp},
     * {@code s = decay * s + (1 - decay) * g^2}, {@code theta -= lr(t) * g / (sqrt(s) + epsilon)},
     * with s starting at epsilon.
     */
    static UpdaterOptimizer rmsProp(RmsPropConfig config) {
        return new UpdaterOptimizer(horizon -> RmsProp.builder()
                .learningRate(config.lr())
                .learningRateSchedule(config.schedule().learningRates(config.lr(), horizon))
                .rmsDecay(config.decay())
                .epsilon(config.epsilon())
                .build(), config.maxGradNorm(), null);
    }

    private static IUpdater sgdUpdater(SgdConfig config, TrainingHorizon horizon) {
        if (config.nesterov()) {
            return Nesterovs.builder()
                    .learningRate(config.lr())
                    .learningRateSchedule(config.schedule().learningRates(config.lr(), horizon))
                    .momentum(config.momentum())
                    .build();
        }
        return Sgd.builder()
                .learningRate(config.lr())
                .learningRateSchedule(config.schedule().learningRates(config.lr(), horizon))
                .build();
    }

    /** ND4J's Adam with these hyperparameters and schedule; Adam and AdamW share it. */
    private static Adam adamUpdater(double lr, double beta1, double beta2, double epsilon,
                                    LearningRateSchedule schedule, TrainingHorizon horizon) {
        return Adam.builder().learningRate(lr).learningRateSchedule(schedule.learningRates(lr, horizon))
                .beta1(beta1).beta2(beta2).epsilon(epsilon).build();
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
