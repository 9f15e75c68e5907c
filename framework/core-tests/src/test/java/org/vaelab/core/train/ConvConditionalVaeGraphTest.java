package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.kl.KlWeighting;

/**
 * The conditional VAE of Sohn, Lee and Yan 2015 with conv networks: the one-hot label enters the encoder as constant
 * channels of the image (checked value by value against a hand-built input) and the decoder appended to z; both
 * networks' outputs depend on it; and the loss's gradients, from SameDiff and from the compiled engine, agree with
 * central differences on a tiny model in double precision.
 */
class ConvConditionalVaeGraphTest {

    private static final int SIDE = 4;
    private static final int PIXELS = SIDE * SIDE;
    private static final int CLASSES = 3;
    private static final int LATENT = 2;
    private static final int BATCH = 3;
    private static final DataShape IMAGES = DataShape.image(1, SIDE, SIDE, ValueRange.BINARY, CLASSES);
    private static final String CONV = "{type: conv, layers: [{channels: 2, kernel: 2, stride: 2, padding: 0,"
            + " activation: tanh}], dense: 3, dense_activation: tanh}";

    @Test
    void theLabelIsOneConstantChannelPerClassAfterTheImage() {
        ModelParts parts = parts();
        assertEquals(List.of(1 + CLASSES, SIDE, SIDE), parts.encoderShape().dims());
        assertEquals(LATENT + CLASSES, parts.decoderInputWidth());

        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(VaeGraph.X, DataType.FLOAT, -1, PIXELS);
        SDVariable y = sd.placeHolder(VaeGraph.Y, DataType.FLOAT, -1, CLASSES);
        parts.encoderInput(sd, x, y).rename("input");
        INDArray images = TestModels.binary(new SplittableRandom(1), BATCH, PIXELS);
        int[] labels = {2, 0, 1};
        Map<String, INDArray> feed = new HashMap<>(Map.of(VaeGraph.X, images));
        GraphFeed.putLabels(feed, CLASSES, labels, BATCH);
        INDArray input = sd.output(feed, "input").get("input");

        float[][] expected = new float[BATCH][(1 + CLASSES) * PIXELS];
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < PIXELS; i++) {
                expected[b][i] = images.getFloat(b, i);
                for (int k = 0; k < CLASSES; k++) {
                    expected[b][(1 + k) * PIXELS + i] = k == labels[b] ? 1f : 0f;
                }
            }
        }
        assertEquals(Nd4j.create(expected), input);

        VaeGraph graph = parts.build(1, new SplittableRandom(2));
        assertArrayEquals(new long[] {2, 2, 1 + CLASSES, 2}, graph.sameDiff().getArrForVarName("encoder/conv0/W")
                .shape(), "the first convolution reads the image and the label channels");
        assertEquals(LATENT + CLASSES, graph.sameDiff().getArrForVarName("decoder/dense/W").size(0),
                "the decoder's dense layer reads z and y");
    }

    @Test
    void changingOnlyTheLabelChangesBothNetworksOutputs() {
        ModelParts parts = parts();
        VaeGraph graph = parts.build(1, new SplittableRandom(3));
        SplittableRandom random = new SplittableRandom(4);
        INDArray x = TestModels.binary(random, BATCH, PIXELS);
        INDArray eps = TestModels.gaussian(random, BATCH, LATENT);
        INDArray asFirst = graph.output(GraphFeed.of(graph, x, new int[] {0, 0, 0}, eps), VaeGraph.Z_MEAN)
                .get(VaeGraph.Z_MEAN);
        INDArray asLast = graph.output(GraphFeed.of(graph, x, new int[] {2, 2, 2}, eps), VaeGraph.Z_MEAN)
                .get(VaeGraph.Z_MEAN);
        assertFalse(asFirst.equalsWithEps(asLast, 1e-6), "q(z|x, y) depends on y");

        GeneratorGraph generator = GeneratorGraph.of(graph, parts);
        INDArray z = TestModels.gaussian(random, BATCH, LATENT);
        INDArray decodedFirst = generator.decode(z, new int[] {0, 1, 2});
        INDArray decodedOther = generator.decode(z, new int[] {1, 2, 0});
        for (int b = 0; b < BATCH; b++) {
            assertFalse(decodedFirst.getRow(b).equalsWithEps(decodedOther.getRow(b), 1e-6),
                    "p(x|z, y) of row " + b + " depends on y");
        }
        assertEquals(decodedFirst, generator.decode(z, new int[] {0, 1, 2}), "and on nothing else");
    }

    @Test
    void everyWeightGradientMatchesCentralDifferences() {
        VaeGraph graph = parts().build(1, new SplittableRandom(11));
        SameDiff sd = graph.sameDiff();
        DoublePrecision.convert(sd);
        SplittableRandom random = new SplittableRandom(5);
        Map<String, INDArray> feed = GraphFeed.of(graph, TestModels.binary(random, BATCH, PIXELS),
                new int[] {1, 2, 0}, TestModels.gaussian(random, BATCH, LATENT));
        feed.putAll(TestModels.feed(feed.get(VaeGraph.X), feed.get(VaeGraph.EPS), 1.0, 0.0));
        feed.replaceAll((name, value) -> value.castTo(DataType.DOUBLE));

        List<String> parameters = TestModels.parameterNames(sd);
        Map<String, INDArray> gradients = sd.calculateGradients(feed, parameters);
        TrainingStep step = TrainingStep.of(graph, 2);
        Map<String, INDArray> engine = step.compute(new TrainingBatch(feed, new KlWeighting(1.0, 0.0))).gradients();
        assertEquals("compiled", step.kind(), "the engine runs the conv cvae's graph compiled");
        for (GradientComparison comparison : GradientComparison.of(sd, feed, parameters, gradients, engine)) {
            assertEquals(graph.parameterCount(), comparison.count(), "every trainable value was checked");
            assertTrue(comparison.failures().isEmpty(), () -> "gradients off: " + comparison.failures());
            assertTrue(comparison.largestAnalytic() > 1e-2, "the check is not vacuous");
        }
    }

    private static ModelParts parts() {
        return new ModelParts(TestModels.component(Family.ENCODER, CONV), TestModels.component(Family.DECODER, CONV),
                TestModels.BERNOULLI, TestModels.beta(1.0), TestModels.component(Family.MODEL_FAMILY, "{type: cvae}"),
                IMAGES, LATENT);
    }
}
