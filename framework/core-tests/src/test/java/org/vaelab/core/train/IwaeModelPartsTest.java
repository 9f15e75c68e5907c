package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;

/**
 * Proves that {@link ModelParts#withWeightsOf} gives the rebuilt graph every trainable value of
 * the trained one, including a variable the likelihood creates ({@code likelihood/log_variance} of
 * a Gaussian with a learned scalar variance): the variables match by name and value, and the
 * rebuilt graph with k = 3 computes for each of its three samples the log weights the trained
 * graph (k = 1) computes for the same noise. Parts that do not match the trained graph are refused.
 */
class IwaeModelPartsTest {

    private static final int WIDTH = 6;
    private static final int LATENT = 2;
    private static final int BATCH = 4;
    private static final int K = 3;

    @Test
    void everyTrainableValueIsCopied() {
        ModelParts parts = parts("{type: gaussian, sigma: learned_scalar}", LATENT);
        VaeGraph trained = build(parts, 8);
        TestModels.setValues(trained.sameDiff(), "likelihood/log_variance", new double[] {-1.3});
        List<String> names = TestModels.parameterNames(trained.sameDiff());
        assertTrue(names.contains("likelihood/log_variance"), "the likelihood's variable is trainable: " + names);

        VaeGraph rebuilt = parts.withWeightsOf(trained, K);
        assertEquals(K, rebuilt.samples());
        assertEquals(names, TestModels.parameterNames(rebuilt.sameDiff()));
        for (String name : names) {
            assertArrayEquals(TestModels.values(trained.sameDiff(), name), TestModels.values(rebuilt.sameDiff(), name),
                    name);
        }

        SplittableRandom random = new SplittableRandom(3);
        INDArray x = TestModels.gaussian(random, BATCH, WIDTH);
        INDArray eps = TestModels.gaussian(random, K * BATCH, LATENT);
        INDArray weights = rebuilt.sameDiff().output(TestModels.feed(x, eps, 1, 0), VaeGraph.LOG_WEIGHT)
                .get(VaeGraph.LOG_WEIGHT);
        assertArrayEquals(new long[] {K * BATCH}, weights.shape());
        for (int s = 0; s < K; s++) {
            INDArray slice = eps.get(NDArrayIndex.interval(s * BATCH, (s + 1) * BATCH), NDArrayIndex.all()).dup();
            Map<String, INDArray> single = trained.sameDiff().output(TestModels.feed(x, slice, 1, 0),
                    VaeGraph.LOG_WEIGHT);
            for (int b = 0; b < BATCH; b++) {
                double expected = single.get(VaeGraph.LOG_WEIGHT).getDouble(b);
                assertEquals(expected, weights.getDouble(s * BATCH + b), 1e-5 * (1 + Math.abs(expected)),
                        "sample " + s + ", example " + b);
            }
        }
    }

    @Test
    void partsOfAnotherModelAreRefused() {
        VaeGraph trained = build(parts("{type: gaussian, sigma: learned_scalar}", LATENT), 8);
        IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class,
                () -> parts("{type: gaussian, sigma: fixed}", LATENT).withWeightsOf(trained, 1));
        assertTrue(fixed.getMessage().contains("likelihood/log_variance"), fixed.getMessage());
        IllegalArgumentException latent = assertThrows(IllegalArgumentException.class,
                () -> parts("{type: gaussian, sigma: learned_scalar}", LATENT + 1).withWeightsOf(trained, 1));
        assertTrue(latent.getMessage().contains("latent"), latent.getMessage());
    }

    private static ModelParts parts(String likelihood, int latentDim) {
        String mlp = "{type: mlp, hidden: [5], activation: tanh}";
        return new ModelParts(TestModels.component(Family.ENCODER, mlp), TestModels.component(Family.DECODER, mlp),
                TestModels.component(Family.LIKELIHOOD, likelihood), TestModels.beta(1.0), TestModels.VAE,
                new DataShape(List.of(WIDTH), ValueRange.REAL, 0), latentDim);
    }

    private static VaeGraph build(ModelParts parts, long seed) {
        return parts.build(1, new SplittableRandom(seed));
    }
}
