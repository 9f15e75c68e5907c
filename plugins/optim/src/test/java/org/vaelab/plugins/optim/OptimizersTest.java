package org.vaelab.plugins.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.vaelab.plugins.optim.schedule.LearningRateSchedule;
import org.vaelab.plugins.optim.schedule.LearningRateSchedule.Kind;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.optim.Optimizer;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * Every optimizer is the ND4J updater its static method names, carrying the configured schedule (the
 * rate it reports and the step it takes at iteration t use lr(t)), with the configured clipping.
 */
class OptimizersTest {

    /** A run of 10 epochs of 100 steps. */
    private static final TrainingHorizon RUN = new TrainingHorizon(100, 10);

    /** Step decay by half every 10 iterations after a 4-step warm-up. */
    private static final LearningRateSchedule STEP = new LearningRateSchedule(Kind.STEP, 4, 10, 0.5, null, null, null);
    private static final LearningRateSchedule CONSTANT = LearningRateSchedule.constant();
    private static final double LR = 0.02;
    private static final float[] GRADIENT = {0.5f, -2f, 3f};

    /** lr(t) of {@link #STEP}, by hand. */
    private static double stepRate(int t) {
        return LR * Math.pow(0.5, t / 10) * (t < 3 ? (t + 1) / 4.0 : 1);
    }

    @Test
    void adamCarriesTheSchedule() {
        Optimizer adam = UpdaterOptimizer.adam(new AdamConfig(LR, 0.8, 0.99, 1e-6, STEP, null));
        Adam updater = assertInstanceOf(Adam.class, adam.updater(RUN));
        assertEquals(0.8, updater.getBeta1());
        assertEquals(0.99, updater.getBeta2());
        assertEquals(1e-6, updater.getEpsilon());
        assertFollowsStepSchedule(updater);
        // the first step in the form of Kingma and Ba's section 2, epsilon added before bias correction:
        // lr * sqrt(1 - beta2) / (1 - beta1) * m / (sqrt(v) + epsilon), m = (1 - beta1) g, v = (1 - beta2) g^2
        float[] update = firstUpdate(updater, 0);
        double root = Math.sqrt(1 - 0.99);
        for (int i = 0; i < GRADIENT.length; i++) {
            double expected = stepRate(0) * root * GRADIENT[i] / (root * Math.abs(GRADIENT[i]) + 1e-6);
            assertEquals(expected, update[i], 1e-9, "element " + i);
        }
    }

    @Test
    void sgdStepsByTheScheduledRate() {
        Optimizer sgd = UpdaterOptimizer.sgd(new SgdConfig(LR, 0, false, STEP, null));
        Sgd updater = assertInstanceOf(Sgd.class, sgd.updater(RUN));
        assertFollowsStepSchedule(updater);
        for (int t : new int[] {0, 2, 15, 33}) {
            float[] update = firstUpdate(updater, t);
            for (int i = 0; i < GRADIENT.length; i++) {
                assertEquals(stepRate(t) * GRADIENT[i], update[i], 1e-8, "iteration " + t + ", element " + i);
            }
        }
    }

    @Test
    void nesterovIsNd4jsNesterovsWithTheMomentum() {
        Optimizer nesterov = UpdaterOptimizer.sgd(new SgdConfig(LR, 0.9, true, STEP, null));
        Nesterovs updater = assertInstanceOf(Nesterovs.class, nesterov.updater(RUN));
        assertEquals(0.9, updater.getMomentum());
        assertFollowsStepSchedule(updater);
        // from v = 0: v = -lr g, and the step -mu * 0 + (1 + mu) * v subtracts (1 + mu) lr g
        float[] update = firstUpdate(updater, 12);
        for (int i = 0; i < GRADIENT.length; i++) {
            assertEquals(1.9 * stepRate(12) * GRADIENT[i], update[i], 1e-7, "element " + i);
        }
    }

    @Test
    void rmsPropDividesByTheRunningRootMeanSquare() {
        Optimizer rmsProp = UpdaterOptimizer.rmsProp(new RmsPropConfig(LR, 0.9, 0.01, STEP, null));
        RmsProp updater = assertInstanceOf(RmsProp.class, rmsProp.updater(RUN));
        assertEquals(0.9, updater.getRmsDecay());
        assertEquals(0.01, updater.getEpsilon());
        assertFollowsStepSchedule(updater);
        // a large epsilon, to tell where it goes; s starts at epsilon: s = 0.9 * epsilon + 0.1 * g^2, step lr g /
        // (sqrt(s) + epsilon)
        float[] update = firstUpdate(updater, 20);
        for (int i = 0; i < GRADIENT.length; i++) {
            double s = 0.9 * 0.01 + 0.1 * GRADIENT[i] * GRADIENT[i];
            assertEquals(stepRate(20) * GRADIENT[i] / (Math.sqrt(s) + 0.01), update[i], 1e-8, "element " + i);
        }
    }

    @Test
    void everyCallMakesANewUpdater() {
        Optimizer adam = UpdaterOptimizer.adam(new AdamConfig(LR, 0.9, 0.999, 1e-8, CONSTANT, null));
        IUpdater first = adam.updater(RUN);
        IUpdater second = adam.updater(RUN);
        assertNotSame(first, second);
        assertEquals(first, second);
    }

    @Test
    void maxGradNormIsTheClippingBound() {
        assertEquals(OptionalDouble.empty(),
                UpdaterOptimizer.sgd(new SgdConfig(LR, 0, false, CONSTANT, null)).maxGradientNorm());
        assertEquals(OptionalDouble.of(5),
                UpdaterOptimizer.sgd(new SgdConfig(LR, 0, false, CONSTANT, 5.0)).maxGradientNorm());
        assertEquals(OptionalDouble.of(1),
                UpdaterOptimizer.adam(new AdamConfig(LR, 0.9, 0.999, 1e-8, CONSTANT, 1.0)).maxGradientNorm());
        assertEquals(OptionalDouble.empty(),
                UpdaterOptimizer.adam(new AdamConfig(LR, 0.9, 0.999, 1e-8, CONSTANT, null)).maxGradientNorm(),
                "the short constructor: constant rate, no clipping");
        assertEquals(OptionalDouble.of(0.5),
                UpdaterOptimizer.rmsProp(new RmsPropConfig(LR, 0.9, 1e-8, CONSTANT, 0.5)).maxGradientNorm());
    }

    @Test
    void momentumAndNesterovGoTogether() {
        InvalidConfigException classical = assertThrows(InvalidConfigException.class,
                () -> new SgdConfig(LR, 0.9, false, CONSTANT, null));
        assertEquals("nesterov", classical.key());
        assertTrue(classical.getMessage().contains("set nesterov: true"), classical.getMessage());
        InvalidConfigException noMomentum = assertThrows(InvalidConfigException.class,
                () -> new SgdConfig(LR, 0, true, CONSTANT, null));
        assertEquals("momentum", noMomentum.key());
    }

    @Test
    void everyOptimizerChecksMinLrAgainstItsLr() {
        LearningRateSchedule cosine = new LearningRateSchedule(Kind.COSINE, 0, null, null, null, 100, 0.05);
        assertEquals("schedule", assertThrows(InvalidConfigException.class,
                () -> new AdamConfig(LR, 0.9, 0.999, 1e-8, cosine, null)).key());
        assertEquals("schedule", assertThrows(InvalidConfigException.class,
                () -> new SgdConfig(LR, 0, false, cosine, null)).key());
        assertEquals("schedule", assertThrows(InvalidConfigException.class,
                () -> new RmsPropConfig(LR, 0.9, 1e-8, cosine, null)).key());
    }

    private static void assertFollowsStepSchedule(IUpdater updater) {
        for (int t : new int[] {0, 1, 2, 3, 9, 10, 25, 100}) {
            assertEquals(stepRate(t), updater.getLearningRate(t, t / 7), 1e-15, "lr at iteration " + t);
        }
    }

    /**
     * The step a fresh updater takes for {@link #GRADIENT} at {@code iteration}: what is subtracted from the
     * parameters.
     */
    private static float[] firstUpdate(IUpdater config, int iteration) {
        long stateSize = config.stateSize(GRADIENT.length);
        INDArray state = stateSize == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, stateSize);
        GradientUpdater<?> updater = config.instantiate(state, true);
        INDArray gradient = Nd4j.create(GRADIENT).reshape(1, GRADIENT.length);
        updater.applyUpdater(gradient, iteration, 0);
        return gradient.toFloatVector();
    }
}
