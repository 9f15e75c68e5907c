package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.nn.Activation;

/**
 * Proves that training batches carry fresh reparameterisation noise at every optimizer step (no
 * two of the eight steps of two epochs get the same eps, and the draws look standard normal), and
 * that a {@link Trainer} run is reproducible from its seed: the same seed gives bit-identical
 * noise, step losses and final weights, another seed different ones.
 */
class TrainingNoiseTest {

    private static final int WIDTH = 6;
    private static final int LATENT = 2;
    private static final int EXAMPLES = 64;
    private static final int BATCH = 16;
    private static final int EPOCHS = 2;
    private static final int STEPS = EPOCHS * EXAMPLES / BATCH;

    @Test
    void everyStepGetsFreshStandardNormalNoise() {
        Run run = Run.train(7);
        assertEquals(STEPS, run.noise().size());
        assertEquals(LongStream.rangeClosed(1, STEPS).boxed().toList(), run.steps(), "global steps count on");
        for (int i = 0; i < STEPS; i++) {
            assertEquals(BATCH * LATENT, run.noise().get(i).length, "eps is [batch, latent]");
            for (int j = 0; j < i; j++) {
                assertFalse(Arrays.equals(run.noise().get(i), run.noise().get(j)), "steps " + j + " and " + i);
            }
        }
        double sum = 0;
        double sumOfSquares = 0;
        for (float[] eps : run.noise()) {
            for (float e : eps) {
                sum += e;
                sumOfSquares += e * e;
            }
        }
        int n = STEPS * BATCH * LATENT;
        double mean = sum / n;
        double variance = sumOfSquares / n - mean * mean;
        // 256 draws: the mean's standard error is 1/16, the variance's about 0.09.
        assertEquals(0, mean, 4.0 / 16, "mean of the noise");
        assertEquals(1, variance, 4 * 0.09, "variance of the noise");
    }

    @Test
    void theSeedDeterminesTheRunBitForBit() {
        Run first = Run.train(7);
        Run again = Run.train(7);
        Run other = Run.train(8);

        assertEquals(STEPS, first.losses().size());
        assertTrue(first.losses().stream().allMatch(Double::isFinite), "finite losses " + first.losses());
        assertEquals(first.losses(), again.losses(), "same seed: the same loss, to the bit, at every step");
        for (int i = 0; i < STEPS; i++) {
            assertArrayEquals(first.noise().get(i), again.noise().get(i), "same seed: the same noise at step " + i);
        }
        for (String name : first.weights().keySet()) {
            assertArrayEquals(first.weights().get(name), again.weights().get(name), "same seed: same weights " + name);
        }

        for (int i = 0; i < STEPS; i++) {
            assertNotEquals(first.losses().get(i), other.losses().get(i), "another seed: another loss at step " + i);
            assertFalse(Arrays.equals(first.noise().get(i), other.noise().get(i)), "another seed: other noise " + i);
        }
    }

    /** What one training run fed and measured. */
    private record Run(List<float[]> noise, List<Long> steps, List<Double> losses, Map<String, double[]> weights) {

        /**
         * Trains a small VAE for {@link #EPOCHS} epochs on the same synthetic data, everything random from
         * {@code seed}.
         */
        static Run train(long seed) {
            DataSplits data = TestModels.syntheticSplits(EXAMPLES, WIDTH, 4);
            List<float[]> noise = new ArrayList<>();
            RandomStreams fed = new RandomStreams(seed);
            VaeGraph shapes = TestModels.vae(data.shape(), List.of(8), Activation.TANH, LATENT, 1,
                    fed.initialWeights());
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                TrainingBatches batches = new TrainingBatches(data.train(), data.trainTransform(), BATCH, shapes,
                        fed.batchOrder(epoch + 1), fed.trainingNoise(epoch + 1), fed.codePermutations(epoch + 1),
                        TestModels.beta(1.0),
                        new TrainingHorizon(4, EPOCHS), (long) epoch * EXAMPLES / BATCH);
                batches.forEachRemaining(batch -> noise.add(batch.feed().get(VaeGraph.EPS).dup('c').data().asFloat()));
            }

            RandomStreams streams = new RandomStreams(seed);
            VaeGraph graph = TestModels.vae(data.shape(), List.of(8), Activation.TANH, LATENT, 1,
                    streams.initialWeights());
            Trainer trainer = new Trainer(graph, TestModels.adam(1e-2), TestModels.beta(1.0), BATCH, streams,
                    TrainingHorizon.of(data.train().size(), BATCH, EPOCHS));
            List<Long> steps = new ArrayList<>();
            List<Double> losses = new ArrayList<>();
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                for (StepValues values : trainer.epoch(data)) {
                    steps.add(trainer.globalStep());
                    losses.add(values.loss());
                }
            }
            Map<String, double[]> weights = new LinkedHashMap<>();
            for (String name : TestModels.parameterNames(graph.sameDiff())) {
                weights.put(name, TestModels.values(graph.sameDiff(), name));
            }
            return new Run(noise, steps, losses, weights);
        }
    }
}
