package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The dense training step computes what the graph computes: the loss, its terms and every
 * parameter's gradient agree with {@link GraphStep}'s on the same batch up to float rounding, for
 * every activation, depth and KL weighting, and training by either step follows the same
 * trajectory. Models the dense step cannot train fall back to the graph, saying why.
 */
class DenseStepTest {

    private static final int WIDTH = 30;
    private static final int LATENT = 4;
    private static final int ROWS = 17;

    @ParameterizedTest(name = "{0} {1}, w = {2}, C = {3}")
    @CsvSource({
        "relu, '[24]', 1.0, 0.0",
        "relu, '[]', 1.0, 0.0",
        "tanh, '[20, 11]', 2.0, 0.0",
        "sigmoid, '[16]', 1.0, 0.0",
        "leaky_relu, '[16, 8]', 4.0, 50.0",
        "elu, '[16]', 0.5, 0.0",
        "softplus, '[16]', 1.0, 0.5",
        "identity, '[9]', 1.0, 0.0"})
    void matchesTheGraphStepOnOneBatch(String activation, String hidden, double weight, double capacity) {
        ModelParts parts = parts("{type: mlp, hidden: " + hidden + ", activation: " + activation + "}",
                "{type: beta, beta: 1.0}", "{type: vae}", "{type: bernoulli}");
        VaeGraph graph = parts.build(1, new SplittableRandom(3));
        SplittableRandom random = new SplittableRandom(8);
        TrainingBatch batch = batch(random, ROWS, new KlWeighting(weight, capacity));

        TrainingStep.Outcome expected = new GraphStep(graph).compute(batch);
        Map<String, INDArray> expectedGradients = copies(expected.gradients());
        TrainingStep.Outcome actual = DenseStep.of(parts, graph).compute(batch);

        assertClose(expected.values().loss(), actual.values().loss(), "loss");
        assertClose(expected.values().reconLoss(), actual.values().reconLoss(), "reconstruction");
        assertClose(expected.values().kl(), actual.values().kl(), "KL");
        assertEquals(expectedGradients.keySet(), actual.gradients().keySet());
        expectedGradients.forEach((name, gradient) -> {
            INDArray other = actual.gradients().get(name);
            double scale = Math.max(gradient.norm2Number().doubleValue(), 1e-3);
            double difference = gradient.sub(other).norm2Number().doubleValue();
            assertTrue(difference <= 1e-5 * scale, name + ": |graph - dense| = " + difference + ", |graph| = " + scale);
        });
    }

    @Test
    void trainingByEitherStepFollowsTheSameTrajectory() {
        ModelParts parts = parts("{type: mlp, hidden: [32], activation: relu}", "{type: beta, beta: 1.0}",
                "{type: vae}", "{type: bernoulli}");
        DataSplits data = TestModels.syntheticSplits(300, WIDTH, 4);
        List<Double> graphLosses = train(parts, data, false);
        List<Double> denseLosses = train(parts, data, true);

        assertEquals(graphLosses.size(), denseLosses.size());
        for (int step = 0; step < graphLosses.size(); step++) {
            double graphLoss = graphLosses.get(step);
            assertEquals(graphLoss, denseLosses.get(step), 2e-4 * Math.abs(graphLoss), "loss at step " + (step + 1));
        }
        assertTrue(graphLosses.get(graphLosses.size() - 1) < graphLosses.get(0) - 0.3, "the loss fell: " + graphLosses);
    }

    @Test
    void modelsTheDenseStepCannotTrainUseTheGraphAndSayWhy() {
        String mlp = "{type: mlp, hidden: [8]}";
        assertReason(parts("{type: mlp, hidden: [8], dropout: 0.2}", "{type: beta}", "{type: vae}", "{type: bernoulli}"),
                1, "it has dropout");
        assertReason(parts("{type: mlp, hidden: [8], layer_norm: true}", "{type: beta}", "{type: vae}", "{type: bernoulli}"),
                1, "its encoder is not dense layers only");
        assertReason(parts(mlp, "{type: free_bits, lambda: 0.5}", "{type: vae}", "{type: bernoulli}"), 1,
                "its KL schedule has a penalty of its own");
        assertReason(parts(mlp, "{type: beta}", "{type: iwae, samples: 3}", "{type: bernoulli}"), 3,
                "it takes 3 samples of z per example");
        assertReason(parts(mlp, "{type: beta}", "{type: beta_tcvae}", "{type: bernoulli}"), 1,
                "its model family has an objective of its own");
        assertReason(parts(mlp, "{type: beta}", "{type: cvae}", "{type: bernoulli}", 3), 1, "it is conditioned on labels");
        assertReason(parts(mlp, "{type: beta}", "{type: vae}", "{type: gaussian, sigma: learned_scalar}"), 1,
                "its likelihood has no pointwise loss");

        ModelParts plain = parts(mlp, "{type: cyclical}", "{type: vae}", "{type: bernoulli}");
        VaeGraph graph = plain.build(1, new SplittableRandom(1));
        assertInstanceOf(DenseStep.class, TrainingStep.of(plain, graph, true));
        assertInstanceOf(GraphStep.class, TrainingStep.of(plain, graph, false));
    }

    private static void assertReason(ModelParts parts, int samples, String reason) {
        VaeGraph graph = parts.build(samples, new SplittableRandom(1));
        assertEquals(java.util.Optional.of(reason), DenseStep.unsupported(parts, graph));
        assertInstanceOf(GraphStep.class, TrainingStep.of(parts, graph, true));
    }

    /** Two epochs of batches of 64 from the same initial weights and streams; the loss of every step. */
    private static List<Double> train(ModelParts parts, DataSplits data, boolean dense) {
        VaeGraph graph = parts.build(1, new SplittableRandom(12));
        TrainingStep step = dense ? DenseStep.of(parts, graph) : new GraphStep(graph);
        Trainer trainer = new Trainer(graph, step, TestModels.adam(1e-2), parts.schedule(), 64, new RandomStreams(7),
                TrainingHorizon.of(data.train().size(), 64, 2));
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            trainer.trainEpoch(data, (globalStep, values) -> losses.add(values.loss()));
        }
        return losses;
    }

    private static ModelParts parts(String network, String kl, String family, String likelihood) {
        return parts(network, kl, family, likelihood, 0);
    }

    /** Parts for data of {@link #WIDTH} grey levels in {@code classes} classes (0: unlabelled). */
    private static ModelParts parts(String network, String kl, String family, String likelihood, int classes) {
        return new ModelParts(TestModels.component(Family.ENCODER, network), TestModels.component(Family.DECODER, network),
                TestModels.component(Family.LIKELIHOOD, likelihood), TestModels.<KlSchedule>component(Family.KL_SCHEDULE, kl),
                TestModels.component(Family.MODEL_FAMILY, family),
                new DataShape(List.of(WIDTH), ValueRange.UNIT_INTERVAL, classes), LATENT);
    }

    /** Grey levels in [0, 1] and fresh noise. */
    private static TrainingBatch batch(SplittableRandom random, int rows, KlWeighting weighting) {
        float[] x = new float[rows * WIDTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        return new TrainingBatch(TestModels.feed(Nd4j.create(x, new long[] {rows, WIDTH}, 'c'),
                TestModels.gaussian(random, rows, LATENT), weighting.weight(), weighting.capacity()), weighting);
    }

    private static Map<String, INDArray> copies(Map<String, INDArray> arrays) {
        Map<String, INDArray> copies = new java.util.LinkedHashMap<>();
        arrays.forEach((name, array) -> copies.put(name, array.dup()));
        return copies;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), what);
    }
}
