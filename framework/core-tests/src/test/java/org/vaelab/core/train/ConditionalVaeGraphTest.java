package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.nn.Activation;

/**
 * The graph of a conditional VAE ({@code cvae}, Sohn et al. 2015): the one-hot label widens the
 * encoder's input and the decoder's, the decoder's output depends on it, and a feed without labels
 * or with a label outside the classes is refused with a message.
 */
class ConditionalVaeGraphTest {

    private static final int WIDTH = 6;
    private static final int CLASSES = 3;
    private static final int LATENT = 2;
    private static final int BATCH = 4;
    private static final ModelFamily CVAE = TestModels.component(Family.MODEL_FAMILY, "{type: cvae}");
    private static final DataShape LABELLED = new DataShape(List.of(WIDTH), ValueRange.BINARY, CLASSES);

    @Test
    void theLabelWidensTheFirstLayerOfBothNetworks() {
        ModelParts parts = parts(LABELLED);
        assertEquals(CLASSES, parts.conditioning().classes());
        assertEquals(List.of(WIDTH + CLASSES), parts.encoderShape().dims());
        assertEquals(LATENT + CLASSES, parts.decoderInputWidth());
        VaeGraph graph = parts.build(2, new SplittableRandom(1));
        assertEquals(CLASSES, graph.conditioningClasses());
        assertEquals(WIDTH + CLASSES, firstLayerRows(graph, "encoder/"));
        assertEquals(LATENT + CLASSES, firstLayerRows(graph, "decoder/"));

        Map<String, INDArray> out = graph.sameDiff().output(feed(graph, new int[] {0, 1, 2, 1}),
                VaeGraph.LOG_WEIGHT, VaeGraph.Z_MEAN, VaeGraph.X_MEAN);
        assertArrayEquals(new long[] {BATCH, LATENT}, out.get(VaeGraph.Z_MEAN).shape());
        assertArrayEquals(new long[] {2 * BATCH, WIDTH}, out.get(VaeGraph.X_MEAN).shape(),
                "2 samples of z per example");
        assertFalse(out.get(VaeGraph.LOG_WEIGHT).isNaN().any() || out.get(VaeGraph.LOG_WEIGHT).isInfinite().any());
    }

    @Test
    void theEncoderAndTheDecoderReadTheLabel() {
        ModelParts parts = parts(LABELLED);
        VaeGraph graph = parts.build(1, new SplittableRandom(1));
        INDArray firstMeans = graph.sameDiff().output(feed(graph, new int[] {0, 0, 0, 0}), VaeGraph.Z_MEAN)
                .get(VaeGraph.Z_MEAN);
        INDArray otherMeans = graph.sameDiff().output(feed(graph, new int[] {2, 2, 2, 2}), VaeGraph.Z_MEAN)
                .get(VaeGraph.Z_MEAN);
        assertFalse(firstMeans.equalsWithEps(otherMeans, 1e-6), "q(z|x, y) depends on y");

        GeneratorGraph generator = GeneratorGraph.of(graph, parts);
        INDArray z = TestModels.gaussian(new SplittableRandom(2), BATCH, LATENT);
        INDArray asFirst = generator.decode(z, new int[] {0, 0, 0, 0});
        INDArray asOther = generator.decode(z, new int[] {1, 1, 1, 1});
        assertFalse(asFirst.equalsWithEps(asOther, 1e-6), "p(x|z, y) depends on y");
        assertTrue(asFirst.equalsWithEps(generator.decode(z, new int[] {0, 0, 0, 0}), 0), "and on nothing else");
    }

    @Test
    void labelsThatAreMissingOrOutsideTheClassesAreRefused() {
        VaeGraph graph = parts(LABELLED).build(1, new SplittableRandom(1));
        INDArray x = TestModels.binary(new SplittableRandom(3), BATCH, WIDTH);
        INDArray eps = TestModels.gaussian(new SplittableRandom(4), BATCH, LATENT);
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> GraphFeed.of(graph, x, null, eps));
        assertEquals("the model is conditioned on class labels (0 to 2), but the examples have none; give it data with"
                + " labels", missing.getMessage());
        InvalidInputException outside = assertThrows(InvalidInputException.class,
                () -> GraphFeed.of(graph, x, new int[] {0, 1, 3, 0}, eps));
        assertEquals("label 3 is not one of the model's 3 classes, 0 to 2", outside.getMessage());
    }

    @Test
    void dataWithoutLabelsIsRefusedByTheFamily() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> parts(new DataShape(List.of(WIDTH), ValueRange.BINARY, 0)));
        assertTrue(e.getMessage().startsWith("model.family: cvae conditions the encoder and decoder on each example's"
                + " class label, but the data have no labels"), e.getMessage());
    }

    @Test
    void aModelThatIsNotConditionalIgnoresLabels() {
        VaeGraph graph = TestModels.vae(WIDTH, List.of(8), Activation.TANH, LATENT, 1, 1);
        assertEquals(0, graph.conditioningClasses());
        assertFalse(feed(graph, new int[] {5, 6, 7, 8}).containsKey(VaeGraph.Y));
    }

    private static ModelParts parts(DataShape shape) {
        String mlp = "{type: mlp, hidden: [8], activation: tanh}";
        return new ModelParts(TestModels.component(Family.ENCODER, mlp), TestModels.component(Family.DECODER, mlp),
                TestModels.BERNOULLI, TestModels.beta(1.0), CVAE, shape, LATENT);
    }

    private static Map<String, INDArray> feed(VaeGraph graph, int[] labels) {
        SplittableRandom random = new SplittableRandom(3);
        return GraphFeed.of(graph, TestModels.binary(random, BATCH, WIDTH), labels,
                TestModels.gaussian(random, graph.samples() * BATCH, LATENT));
    }

    private static long firstLayerRows(VaeGraph graph, String scope) {
        return graph.sameDiff().variables().stream()
                .filter(v -> v.name().startsWith(scope) && v.name().endsWith("/W")).findFirst().orElseThrow()
                .getArr().size(0);
    }
}
