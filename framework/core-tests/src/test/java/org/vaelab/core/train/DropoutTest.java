package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.nn.Activation;
import org.vaelab.spi.nn.DropoutMasks;

/**
 * Dropout in the MLP: a training graph takes one mask per hidden layer (the decoder's one row per
 * sample of z), the trainer feeds masks of zeros and {@code 1 / (1 - rate)} in the right
 * proportion, and the evaluation graph is the same function as the training graph with every
 * mask all ones.
 */
class DropoutTest {

    private static final int WIDTH = 12;
    private static final int LATENT = 3;
    private static final int SAMPLES = 2;
    private static final double RATE = 0.25;

    private final DataShape shape = TestModels.shape(WIDTH);
    private final ModelParts parts = new ModelParts(
            TestModels.component(Family.ENCODER, "{type: mlp, hidden: [32, 16], dropout: 0.25}"),
            TestModels.component(Family.DECODER, "{type: mlp, hidden: [16], dropout: 0.25}"),
            TestModels.BERNOULLI, TestModels.beta(1.0), TestModels.VAE, shape, LATENT);

    @Test
    void aTrainingGraphHasAMaskPerHiddenLayerAndTheEvaluationGraphNone() {
        VaeGraph training = parts.build(SAMPLES, new SplittableRandom(1));
        assertEquals(List.of(new DropoutMasks.Mask("encoder/hidden0/dropout_mask", 32, RATE, 1),
                new DropoutMasks.Mask("encoder/hidden1/dropout_mask", 16, RATE, 1),
                new DropoutMasks.Mask("decoder/hidden0/dropout_mask", 16, RATE, SAMPLES)), training.dropoutMasks());
        VaeGraph evaluation = parts.forEvaluation(training);
        assertNotSame(training, evaluation);
        assertEquals(List.of(), evaluation.dropoutMasks());

        VaeGraph plain = TestModels.vae(WIDTH, List.of(8), Activation.RELU, LATENT, 1, 3);
        assertSame(plain, parts.forEvaluation(plain), "without dropout the training graph is the evaluation graph");
    }

    @Test
    void theTrainerFeedsInvertedDropoutMasks() {
        DataSplits data = TestModels.syntheticSplits(256, WIDTH, 2);
        VaeGraph training = parts.build(SAMPLES, new SplittableRandom(1));
        TrainingBatches batches = new TrainingBatches(data.train(), data.trainTransform(), 64, training,
                new SplittableRandom(3), new SplittableRandom(4), new SplittableRandom(5), TestModels.beta(1.0),
                new TrainingHorizon(4, 1), 0);
        Map<String, INDArray> feed = batches.next().feed();
        INDArray decoderMask = feed.get("decoder/hidden0/dropout_mask");
        assertEquals(List.of(64L * SAMPLES, 16L), List.of(decoderMask.size(0), decoderMask.size(1)));
        double[] values = feed.get("encoder/hidden0/dropout_mask").data().asDouble();
        long zeros = Arrays.stream(values).filter(v -> v == 0).count();
        long kept = Arrays.stream(values).filter(v -> Math.abs(v - 1 / (1 - RATE)) < 1e-6).count();
        assertEquals(values.length, zeros + kept, "every entry is 0 or 1 / (1 - rate)");
        assertEquals(RATE, zeros / (double) values.length, 0.03, "the dropped fraction");
        assertTrue(!Arrays.equals(values, batches.next().feed().get("encoder/hidden0/dropout_mask").data().asDouble()),
                "each step draws new masks");
    }

    @Test
    void theEvaluationGraphIsTheTrainingGraphWithMasksOfOnes() {
        VaeGraph training = parts.build(SAMPLES, new SplittableRandom(1));
        VaeGraph evaluation = parts.forEvaluation(training);
        SplittableRandom random = new SplittableRandom(8);
        INDArray x = TestModels.binary(random, 5, WIDTH);
        INDArray eps = TestModels.gaussian(random, 5 * SAMPLES, LATENT);
        Map<String, INDArray> feed = new HashMap<>(TestModels.feed(x, eps, 1.0, 0.0));
        double expected = evaluation.sameDiff().output(feed, VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0);
        for (DropoutMasks.Mask mask : training.dropoutMasks()) {
            feed.put(mask.name(), Nd4j.ones(DataType.FLOAT, 5L * mask.rowsPerExample(), mask.width()));
        }
        assertEquals(expected, training.sameDiff().output(feed, VaeGraph.LOSS).get(VaeGraph.LOSS).getDouble(0), 1e-5);
    }
}
