package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.vaelab.spi.Family;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The update rule around ND4J's updaters: gradient clipping by global norm (Pascanu et al. 2013)
 * and AdamW's decoupled weight decay (Loshchilov and Hutter 2019), each checked by hand, and Adam
 * computed on the host equal to ND4J's own updater, its subnormal moments flushed without changing a step.
 */
class ParameterUpdaterTest {

    private static final TrainingHorizon ONE_STEP = new TrainingHorizon(1, 1);

    @Test
    void clippingScalesTheGlobalNormDownToTheBound() {
        SameDiff sd = graph(new float[] {1f, 1f}, new float[] {2f});
        ParameterUpdater updater = new ParameterUpdater(sd,
                TestModels.component(Family.OPTIMIZER, "{type: sgd, lr: 1.0, max_grad_norm: 1.0}"), ONE_STEP, 2);
        // gradients (3, 0) and (4): global norm 5, scaled by 1/5
        updater.apply(gradients(new float[] {3f, 0f}, new float[] {4f}), 0, 0);
        assertArrayEquals(new float[] {1f - 0.6f, 1f}, sd.getArrForVarName("a").toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {2f - 0.8f}, sd.getArrForVarName("b").toFloatVector(), 1e-6f);
    }

    @Test
    void gradientsBelowTheBoundAreNotScaled() {
        SameDiff sd = graph(new float[] {1f, 1f}, new float[] {2f});
        ParameterUpdater updater = new ParameterUpdater(sd,
                TestModels.component(Family.OPTIMIZER, "{type: sgd, lr: 0.5, max_grad_norm: 10.0}"), ONE_STEP, 2);
        updater.apply(gradients(new float[] {3f, 0f}, new float[] {4f}), 0, 0);
        assertArrayEquals(new float[] {1f - 1.5f, 1f}, sd.getArrForVarName("a").toFloatVector(), 1e-6f);
    }

    @Test
    void adamwDecaysEveryParameterOutsideTheGradient() {
        SameDiff sd = graph(new float[] {1f, -2f}, new float[] {4f});
        ParameterUpdater updater = new ParameterUpdater(sd,
                TestModels.component(Family.OPTIMIZER, "{type: adamw, lr: 0.1, weight_decay: 0.5}"), ONE_STEP, 2);
        // a zero gradient gives a zero Adam step, leaving only the decay: p * (1 - 0.1 * 0.5)
        updater.apply(gradients(new float[] {0f, 0f}, new float[] {0f}), 0, 0);
        assertArrayEquals(new float[] {0.95f, -1.9f}, sd.getArrForVarName("a").toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {3.8f}, sd.getArrForVarName("b").toFloatVector(), 1e-6f);
    }

    @Test
    void adamLeavesParametersAloneWhenTheGradientIsZero() {
        SameDiff sd = graph(new float[] {1f, -2f}, new float[] {4f});
        new ParameterUpdater(sd, TestModels.component(Family.OPTIMIZER, "{type: adam, lr: 0.1}"), ONE_STEP, 1)
                .apply(gradients(new float[] {0f, 0f}, new float[] {0f}), 0, 0);
        assertArrayEquals(new float[] {1f, -2f}, sd.getArrForVarName("a").toFloatVector(), 1e-6f);
    }

    /** A parameter of 75,000 values spans three of {@link HostAdam#SLICE}, updated on one thread and on two. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void adamMatchesNd4jsAdamUpdaterStepByStep(int threads) {
        SplittableRandom random = new SplittableRandom(3);
        INDArray start = TestModels.gaussian(random, 300, 250);
        SameDiff sd = SameDiff.create();
        sd.var("w", start.dup());
        ParameterUpdater updater = new ParameterUpdater(sd,
                TestModels.component(Family.OPTIMIZER, "{type: adam, lr: 0.01, beta1: 0.8, beta2: 0.99}"), ONE_STEP,
                threads);
        Adam config = new Adam(0.01, 0.8, 0.99, 1e-8);
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, config.stateSize(start.length()));
        GradientUpdater<?> reference = config.instantiate(state, true);
        INDArray expected = start.dup();
        for (int step = 0; step < 6; step++) {
            INDArray gradient = TestModels.gaussian(random, 300, 250);
            updater.apply(new HashMap<>(Map.of("w", gradient.dup())), step, 0);
            reference.applyUpdater(gradient, step, 0);
            expected.subi(gradient);
        }
        assertArrayEquals(expected.data().asFloat(), sd.getArrForVarName("w").data().asFloat(), 1e-6f);
        assertArrayEquals(state.toFloatVector(), updater.state().get("w").toFloatVector(), 1e-6f);
    }

    /**
     * A moment that decays under zero gradients reaches float's subnormal range after about 740
     * steps (1e-4 times 0.9 per step) and would stay there for some 150 more; the updater flushes it
     * to zero instead. The parameters still take exactly the steps of Adam's formula computed here
     * without any flush, by hand, value for value.
     */
    @Test
    void subnormalMomentsAreFlushedWithoutMovingAnyParameter() {
        float[] start = {0.5f, -0.25f, 1f};
        SameDiff sd = SameDiff.create();
        sd.var("w", Nd4j.createFromArray(new float[][] {start}));
        ParameterUpdater updater = new ParameterUpdater(sd,
                TestModels.component(Family.OPTIMIZER, "{type: adam, lr: 0.001}"), ONE_STEP, 1);
        float[] p = start.clone();
        float[] m = new float[3];
        float[] v = new float[3];
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        int steps = 800;
        for (int step = 0; step < steps; step++) {
            float[] g = step == 0 ? new float[] {1e-3f, -1e-3f, 0f} : new float[3];
            updater.apply(new HashMap<>(Map.of("w", Nd4j.createFromArray(new float[][] {g}))), step, 0);
            float stepSize = (float) (0.001 * Math.sqrt(1 - Math.pow(0.999, step + 1)) / (1 - Math.pow(0.9, step + 1)));
            for (int i = 0; i < 3; i++) {
                m[i] = beta1 * m[i] + g[i] * (1 - beta1);
                v[i] = beta2 * v[i] + g[i] * g[i] * (1 - beta2);
                p[i] = p[i] - m[i] * stepSize / ((float) Math.sqrt(v[i]) + 1e-8f);
            }
        }
        assertTrue(m[0] != 0 && Math.abs(m[0]) < Float.MIN_NORMAL, "the unflushed moment is subnormal: " + m[0]);
        float[] state = updater.state().get("w").toFloatVector();
        assertArrayEquals(new float[] {0f, 0f, 0f}, Arrays.copyOf(state, 3), "the first moments, flushed");
        assertArrayEquals(p, sd.getArrForVarName("w").toFloatVector(), "bit for bit");
    }

    /** Adam's state read from one updater and restored into another continues its steps bit for bit. */
    @Test
    void adamStateRestoredInAnotherUpdaterGivesTheSameSteps() {
        SplittableRandom random = new SplittableRandom(5);
        INDArray start = TestModels.gaussian(random, 200, 200);
        SameDiff first = SameDiff.create();
        first.var("w", start.dup());
        ParameterUpdater original = new ParameterUpdater(first,
                TestModels.component(Family.OPTIMIZER, "{type: adam, lr: 0.01}"), ONE_STEP, 2);
        for (int step = 0; step < 3; step++) {
            original.apply(new HashMap<>(Map.of("w", TestModels.gaussian(random, 200, 200))), step, 0);
        }
        SameDiff second = SameDiff.create();
        second.var("w", first.getArrForVarName("w").dup());
        ParameterUpdater restored = new ParameterUpdater(second,
                TestModels.component(Family.OPTIMIZER, "{type: adam, lr: 0.01}"), ONE_STEP, 1);
        restored.restore(original.state());
        INDArray gradient = TestModels.gaussian(random, 200, 200);
        original.apply(new HashMap<>(Map.of("w", gradient.dup())), 3, 0);
        restored.apply(new HashMap<>(Map.of("w", gradient.dup())), 3, 0);
        assertArrayEquals(first.getArrForVarName("w").data().asFloat(), second.getArrForVarName("w").data().asFloat());
        assertArrayEquals(original.state().get("w").toFloatVector(), restored.state().get("w").toFloatVector());
    }

    private static SameDiff graph(float[] a, float[] b) {
        SameDiff sd = SameDiff.create();
        sd.var("a", Nd4j.createFromArray(a));
        sd.var("b", Nd4j.createFromArray(b));
        return sd;
    }

    private static Map<String, INDArray> gradients(float[] a, float[] b) {
        Map<String, INDArray> gradients = new HashMap<>();
        gradients.put("a", Nd4j.createFromArray(a));
        gradients.put("b", Nd4j.createFromArray(b));
        return gradients;
    }
}
