package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.core.eval.LatentStatistics;
import org.vaelab.plugins.data.mnist.Binarization;
import org.vaelab.plugins.data.mnist.MnistConfig;
import org.vaelab.plugins.data.mnist.MnistDataset;
import org.vaelab.plugins.data.mnist.MnistVariant;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * A VQ-VAE (the {@code vq} prior and posterior, van den Oord et al. 2017) in the framework's graph: the compiled
 * engine runs its nearest-code choice (argmin, one-hot), stop-gradients and their gradients, and gives SameDiff's
 * own gradients; the KL is the constant {@code groups log K} (section 3.1), each log importance weight is
 * {@code log p(x|z) - groups log K}, the figures' code is a row of codes, and active units are not defined; and a
 * short training run on Fashion-MNIST uses more than one code, with the perplexity of code use between 1 and the
 * number of codes used.
 */
class VectorQuantisedGraphTest {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    private static final int WIDTH = 5;
    private static final int BATCH = 6;
    private static final int CODES = 8;
    private static final int DIMENSION = 2;
    private static final int GROUPS = 3;
    private static final int LATENT = DIMENSION * GROUPS;

    @Test
    void theCompiledEngineGivesSameDiffsGradients() {
        VaeGraph graph = parts("{type: mlp, hidden: [4], activation: tanh}", TestModels.shape(WIDTH))
                .build(1, new SplittableRandom(11));
        SplittableRandom random = new SplittableRandom(5);
        Map<String, INDArray> feed = TestModels.feed(TestModels.binary(random, BATCH, WIDTH),
                TestModels.gaussian(random, BATCH, LATENT), 1.0, 0.0);
        List<String> parameters = TestModels.parameterNames(graph.sameDiff());
        assertTrue(parameters.contains("posterior/codebook"), "the code book is a trainable variable");
        Map<String, INDArray> session = graph.sameDiff().calculateGradients(feed, parameters);
        TrainingStep step = TrainingStep.of(graph, 2);
        Map<String, INDArray> engine = step.compute(new TrainingBatch(feed, new KlWeighting(1.0, 0.0))).gradients();
        assertEquals("compiled", step.kind(), "the engine runs the VQ graph compiled");
        double largest = 0;
        for (String name : parameters) {
            double[] expected = session.get(name).dup('c').data().asDouble();
            double[] actual = engine.get(name).dup('c').data().asDouble();
            assertArrayEquals(expected, actual, 1e-5, "the gradient of " + name);
            for (double value : expected) {
                largest = Math.max(largest, Math.abs(value));
            }
        }
        assertTrue(largest > 1e-2, "the check is not vacuous");
        assertTrue(session.get("posterior/codebook").amaxNumber().doubleValue() > 0, "the chosen codes move");
    }

    @Test
    void theKlIsGroupsLogKAndTheWeightsAndCodesFollow() {
        VaeGraph graph = parts("{type: mlp, hidden: [8], activation: tanh}", TestModels.shape(WIDTH))
                .build(1, new SplittableRandom(3));
        SplittableRandom random = new SplittableRandom(4);
        Map<String, INDArray> out = graph.sameDiff().output(TestModels.feed(TestModels.binary(random, BATCH, WIDTH),
                TestModels.gaussian(random, BATCH, LATENT), 1, 0), VaeGraph.KL, VaeGraph.LOG_PX,
                VaeGraph.LOG_WEIGHT, VaeGraph.Z_CODE);
        assertFalse(graph.latentTerms().klClosedForm(), "no KL per dimension");
        double[] kl = out.get(VaeGraph.KL).toDoubleVector();
        double[] logPx = out.get(VaeGraph.LOG_PX).toDoubleVector();
        double[] logWeight = out.get(VaeGraph.LOG_WEIGHT).toDoubleVector();
        double[] codes = out.get(VaeGraph.Z_CODE).dup('c').data().asDouble();
        double[] book = graph.sameDiff().getArrForVarName("posterior/codebook").dup('c').data().asDouble();
        for (int b = 0; b < BATCH; b++) {
            assertEquals(GROUPS * Math.log(CODES), kl[b], 1e-5, "KL = groups log K, example " + b);
            assertEquals(logPx[b] - GROUPS * Math.log(CODES), logWeight[b], 1e-4, "log w, example " + b);
            for (int g = 0; g < GROUPS; g++) {
                assertTrue(isCode(codes, (b * GROUPS + g) * DIMENSION, book), "example " + b + ", vector " + g);
            }
        }
        LatentStatistics statistics = LatentStatistics.of(graph, TestModels.syntheticSplits(10, WIDTH, 12).train(), 5);
        assertFalse(statistics.klPerDimensionDefined());
        assertFalse(statistics.activityDefined(), "E_q[z] is not the encoder's output");
    }

    @Test
    void aShortTrainingRunUsesMoreThanOneCode() throws IOException {
        assumeTrue(Files.isDirectory(FASHION), "apt-get install dataset-fashion-mnist to run this test");
        MnistConfig config = new MnistConfig(MnistVariant.FASHION, null, 100, Binarization.NONE, 1100, 100);
        DataSplits data = new MnistDataset(config).load(new LoadContext(Path.of("."), 1));
        RandomStreams streams = new RandomStreams(1);
        VaeGraph graph = parts("{type: mlp, hidden: [64], activation: relu}", data.shape())
                .build(1, streams.initialWeights());
        Trainer trainer = new Trainer(graph, TestModels.adam(1e-3), TestModels.beta(1.0), 50, streams,
                TrainingHorizon.of(data.train().size(), 50, 1));
        StepValues last = null;
        for (StepValues values : trainer.epoch(data)) {
            last = values;
        }
        double used = last.familyMetrics().get("codes_used");
        double perplexity = last.familyMetrics().get("codebook_perplexity");
        System.out.printf("VectorQuantisedGraphTest: after %d steps %.0f of %d codes used, perplexity %.2f%n",
                trainer.globalStep(), used, CODES, perplexity);
        assertTrue(used > 1, "codes used: " + used);
        assertTrue(perplexity > 1 && perplexity <= used + 1e-4, "perplexity " + perplexity + ", used " + used);
    }

    private static boolean isCode(double[] values, int offset, double[] book) {
        for (int k = 0; k < CODES; k++) {
            boolean same = true;
            for (int j = 0; j < DIMENSION; j++) {
                same &= Math.abs(values[offset + j] - book[k * DIMENSION + j]) < 1e-6;
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    private static ModelParts parts(String mlp, DataShape shape) {
        String code = "{type: vq, codes: " + CODES + ", embedding_dim: " + DIMENSION;
        return new ModelParts(TestModels.component(Family.ENCODER, mlp), TestModels.component(Family.DECODER, mlp),
                TestModels.BERNOULLI, TestModels.beta(1), TestModels.VAE,
                TestModels.component(Family.PRIOR, code + "}"),
                TestModels.component(Family.POSTERIOR, code + ", beta_commit: 0.25}"), shape, LATENT);
    }
}
