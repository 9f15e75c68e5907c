package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaelab.core.eval.ImportanceSampling;
import org.vaelab.core.eval.LatentStatistics;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.latent.StochasticLayer;

/**
 * The VAE with two stochastic layers of Burda, Grosse and Salakhutdinov 2016 (section 5), {@code model.prior} and
 * {@code model.posterior} {@code two_layer}, through the whole graph: the decoder reads z1 alone; the loss's gradients
 * from SameDiff and the compiled engine agree with central differences; training raises its ELBO, and the
 * importance-weighted bound with the same weights, {@code log p(x|z1) + log p(z1|z2) + log p(z2) - log q(z1|x) -
 * log q(z2|z1)}, is at or above it (their theorem 1); the active units of each layer (section 5.2) are those of the
 * posterior means computed here from the encoder's outputs and the weights of q(z2|z1).
 */
class TwoStochasticLayersGraphTest {

    private static final int WIDTH = 12;
    private static final int LATENT = 3;
    private static final int BOTTOM = 2;
    private static final String LAYERS = "{type: two_layer, top: 1, hidden: [4]}";
    private static final String MLP = "{type: mlp, hidden: [8], activation: tanh}";

    @Test
    void theDecoderReadsTheBottomLayerAlone() {
        ModelParts parts = parts();
        assertEquals(BOTTOM, parts.decoderInputWidth());
        VaeGraph graph = parts.build(1, new SplittableRandom(1));
        assertEquals(BOTTOM, graph.sameDiff().getArrForVarName("decoder/hidden0/W").size(0));
        GeneratorGraph generator = GeneratorGraph.of(graph, parts);
        INDArray z = TestModels.gaussian(new SplittableRandom(2), 4, LATENT);
        INDArray otherTop = z.dup();
        otherTop.putColumn(BOTTOM, z.getColumn(BOTTOM).add(1.5));
        assertEquals(generator.decode(z, null), generator.decode(otherTop, null), "p(x|z1) ignores z2");
        INDArray otherBottom = z.dup();
        otherBottom.putColumn(0, z.getColumn(0).add(1.5));
        assertFalse(generator.decode(z, null).equalsWithEps(generator.decode(otherBottom, null), 1e-6));
        assertFalse(graph.latentTerms().klClosedForm(), "the KL is a Monte Carlo estimate");
        assertFalse(graph.latentTerms().posteriorMeanIsEncoderMean());
    }

    @Test
    void everyWeightGradientMatchesCentralDifferences() {
        VaeGraph graph = parts().build(2, new SplittableRandom(11));
        SameDiff sd = graph.sameDiff();
        DoublePrecision.convert(sd);
        SplittableRandom random = new SplittableRandom(5);
        Map<String, INDArray> feed = TestModels.feed(TestModels.binary(random, 4, WIDTH),
                TestModels.gaussian(random, 2 * 4, LATENT), 1.0, 0.0);
        feed.replaceAll((name, value) -> value.castTo(DataType.DOUBLE));
        List<String> parameters = TestModels.parameterNames(sd);
        assertTrue(parameters.contains("prior/p_z1/hidden0/W") && parameters.contains("posterior/q_z2/mean/W"),
                "the conditional layers are trained: " + parameters);
        Map<String, INDArray> gradients = sd.calculateGradients(feed, parameters);
        TrainingStep step = TrainingStep.of(graph, 2);
        Map<String, INDArray> engine = step.compute(new TrainingBatch(feed, new KlWeighting(1.0, 0.0))).gradients();
        assertEquals("compiled", step.kind());
        for (GradientComparison comparison : GradientComparison.of(sd, feed, parameters, gradients, engine)) {
            assertEquals(graph.parameterCount(), comparison.count(), "every trainable value was checked");
            assertTrue(comparison.failures().isEmpty(), () -> "gradients off: " + comparison.failures());
            assertTrue(comparison.largestAnalytic() > 1e-2, "the check is not vacuous");
        }
    }

    @Test
    void aTrainedModelsImportanceWeightedBoundIsAtOrAboveItsElbo() {
        DataSplits data = TestModels.syntheticSplits(400, WIDTH, 8);
        ModelParts parts = parts();
        RandomStreams streams = new RandomStreams(3);
        VaeGraph graph = parts.build(1, streams.initialWeights());
        Evaluator evaluator = new Evaluator(graph, 100);
        double before = evaluator.evaluate(data.train(), new SplittableRandom(10)).elbo();
        Trainer trainer = new Trainer(graph, TestModels.adam(1e-2), TestModels.beta(1.0), 20, streams,
                TrainingHorizon.of(data.train().size(), 20, 3));
        for (int epoch = 0; epoch < 3; epoch++) {
            trainer.trainEpoch(data);
        }
        double elbo = evaluator.evaluate(data.train(), new SplittableRandom(10)).elbo();
        double bound = ImportanceSampling.of(graph, parts, 64, 64, 100).meanLogLikelihood(data.train(),
                new SplittableRandom(11));
        System.out.printf("TwoStochasticLayersGraphTest: ELBO %.3f -> %.3f, IWAE (K = 64) %.3f%n", before, elbo,
                bound);
        assertTrue(elbo > before, "training raises the ELBO: " + before + " -> " + elbo);
        assertTrue(bound >= elbo, "IWAE bound " + bound + " below the ELBO " + elbo);
    }

    @Test
    void theActiveUnitsOfEachLayerAreThoseOfItsPosteriorMean() {
        DataSplits data = TestModels.syntheticSplits(400, WIDTH, 8);
        RandomStreams streams = new RandomStreams(4);
        VaeGraph graph = parts().build(1, streams.initialWeights());
        Trainer trainer = new Trainer(graph, TestModels.adam(1e-2), TestModels.beta(1.0), 20, streams,
                TrainingHorizon.of(data.train().size(), 20, 2));
        for (int epoch = 0; epoch < 2; epoch++) {
            trainer.trainEpoch(data);
        }
        assertEquals(List.of(new StochasticLayer("z1", BOTTOM), new StochasticLayer("z2", LATENT - BOTTOM)),
                graph.latentTerms().layers());
        DataSplit examples = data.train();
        LatentStatistics stats = LatentStatistics.of(graph, examples, 7);

        INDArray means = posteriorMeans(graph, examples);
        INDArray variances = means.var(false, 0);
        int[] active = new int[2];
        for (int d = 0; d < LATENT; d++) {
            assertEquals(variances.getDouble(d), stats.posteriorMeanVariance().get(d),
                    1e-5 * Math.max(1, variances.getDouble(d)), "A_" + d);
            if (variances.getDouble(d) > LatentStatistics.ACTIVITY_THRESHOLD) {
                active[d < BOTTOM ? 0 : 1]++;
            }
        }
        System.out.printf("TwoStochasticLayersGraphTest: A = %s, %s%n", variances, stats.describeActiveUnits());
        assertTrue(variances.maxNumber().doubleValue() > LatentStatistics.ACTIVITY_THRESHOLD, "some unit is active");
        assertEquals(Map.of("test/active_units", (double) (active[0] + active[1]),
                "test/active_units/z1", (double) active[0], "test/active_units/z2", (double) active[1]),
                stats.metrics("test"));
    }

    /**
     * [mu1(x), mu2(mu1(x))] of every example of {@code split}, in double: the encoder's mean of z1, then the MLP
     * of q(z2|z1) (one tanh layer, then its mean head) applied here to it, with the trained weights.
     */
    private static INDArray posteriorMeans(VaeGraph graph, DataSplit split) {
        int rows = split.size();
        INDArray eps = Nd4j.zeros(DataType.FLOAT, (long) graph.samples() * rows, LATENT);
        INDArray encoderMean = graph.output(GraphFeed.ofRows(graph, split, 0, rows, eps), VaeGraph.Z_MEAN)
                .get(VaeGraph.Z_MEAN).castTo(DataType.DOUBLE);
        INDArray mu1 = encoderMean.get(NDArrayIndex.all(), NDArrayIndex.interval(0, BOTTOM)).dup();
        SameDiff sd = graph.sameDiff();
        INDArray hidden = Transforms.tanh(mu1.mmul(weight(sd, "hidden0/W")).addRowVector(weight(sd, "hidden0/b")));
        INDArray mu2 = hidden.mmul(weight(sd, "mean/W")).addRowVector(weight(sd, "mean/b"));
        return Nd4j.hstack(mu1, mu2);
    }

    private static INDArray weight(SameDiff sd, String name) {
        return sd.getArrForVarName("posterior/q_z2/" + name).castTo(DataType.DOUBLE);
    }

    private static ModelParts parts() {
        return new ModelParts(TestModels.component(Family.ENCODER, MLP), TestModels.component(Family.DECODER, MLP),
                TestModels.BERNOULLI, TestModels.beta(1.0), TestModels.VAE,
                TestModels.component(Family.PRIOR, LAYERS), TestModels.component(Family.POSTERIOR, LAYERS),
                TestModels.shape(WIDTH), LATENT);
    }
}
