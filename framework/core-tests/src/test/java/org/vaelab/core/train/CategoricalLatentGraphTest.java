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
import org.vaelab.core.eval.LatentStatistics;
import org.vaelab.spi.Family;
import org.vaelab.spi.kl.KlWeighting;

/**
 * A VAE with the categorical code (the {@code categorical} prior and {@code gumbel_softmax} posterior, Jang et al.
 * 2017) in the framework's graph: its loss has the gradients SameDiff and the compiled engine compute, against
 * central differences in double precision; its KL is in closed form per class, so the KL per dimension is reported
 * and active units (defined on E_q[z] as the encoder's mean) are not; and the relaxed KL that the importance weights
 * imply, {@code E_q[log q(z|x) - log p(z)]} with Concrete densities, is at or above the categorical KL, as the
 * argmax of a Concrete sample is distributed as the categorical (Maddison et al. 2017, proposition 1a) and a
 * function of a variable cannot raise a KL (the data processing inequality); the code the figures decode is the
 * class probabilities softmax(logits).
 */
class CategoricalLatentGraphTest {

    private static final int WIDTH = 5;
    private static final int LATENT = 6;
    private static final int BATCH = 4;
    private static final String CODE = "{type: %s, categories: 3, temperature: 0.5}";

    @Test
    void everyWeightGradientMatchesCentralDifferencesOnTheCompiledEngine() {
        VaeGraph graph = parts("{type: mlp, hidden: [3], activation: tanh}").build(1, new SplittableRandom(11));
        SameDiff sd = graph.sameDiff();
        DoublePrecision.convert(sd);
        SplittableRandom random = new SplittableRandom(5);
        Map<String, INDArray> feed = TestModels.feed(TestModels.binary(random, BATCH, WIDTH),
                TestModels.gaussian(random, BATCH, LATENT), 1.0, 0.0);
        feed.replaceAll((name, value) -> value.castTo(DataType.DOUBLE));
        List<String> parameters = TestModels.parameterNames(sd);
        Map<String, INDArray> gradients = sd.calculateGradients(feed, parameters);
        TrainingStep step = TrainingStep.of(graph, 2);
        Map<String, INDArray> engine = step.compute(new TrainingBatch(feed, new KlWeighting(1.0, 0.0))).gradients();
        assertEquals("compiled", step.kind(), "the engine runs the categorical graph compiled");
        List<GradientComparison> comparisons = GradientComparison.of(sd, feed, parameters, gradients, engine);
        System.out.printf("CategoricalLatentGraphTest: %s%n", comparisons.get(0));
        for (GradientComparison comparison : comparisons) {
            assertEquals(graph.parameterCount(), comparison.count(), "every trainable value was checked");
            assertTrue(comparison.failures().isEmpty(), () -> "gradients off: " + comparison.failures());
        }
        assertTrue(comparisons.get(0).largestAnalytic() > 1e-2, "the check is not vacuous");
    }

    @Test
    void theKlIsClosedFormPerClassAndBelowTheRelaxedKlOfTheImportanceWeights() {
        int samples = 4000;
        VaeGraph graph = parts("{type: mlp, hidden: [8], activation: tanh}").build(samples, new SplittableRandom(3));
        SplittableRandom random = new SplittableRandom(4);
        INDArray x = TestModels.binary(random, BATCH, WIDTH);
        Map<String, INDArray> out = graph.sameDiff().output(TestModels.feed(x,
                TestModels.gaussian(random, samples * BATCH, LATENT), 1, 0), VaeGraph.KL, VaeGraph.KL_PER_DIMENSION,
                VaeGraph.LOG_PX, VaeGraph.LOG_WEIGHT);
        assertTrue(graph.latentTerms().klClosedForm());
        double[] kl = out.get(VaeGraph.KL).toDoubleVector();
        double[] perClass = out.get(VaeGraph.KL_PER_DIMENSION).dup('c').data().asDouble();
        double[] logPx = out.get(VaeGraph.LOG_PX).toDoubleVector();
        double[] logWeights = out.get(VaeGraph.LOG_WEIGHT).toDoubleVector();
        for (int b = 0; b < BATCH; b++) {
            double sum = 0;
            for (int j = 0; j < LATENT; j++) {
                sum += perClass[b * LATENT + j];
            }
            assertEquals(sum, kl[b], 1e-5, "the KL is the sum of its classes', example " + b);
            double meanLogWeight = 0;
            double meanSquare = 0;
            for (int s = 0; s < samples; s++) {
                double logWeight = logWeights[s * BATCH + b];
                meanLogWeight += logWeight / samples;
                meanSquare += logWeight * logWeight / samples;
            }
            double standardError = Math.sqrt((meanSquare - meanLogWeight * meanLogWeight) / samples);
            double relaxedKl = logPx[b] - meanLogWeight;
            assertTrue(relaxedKl >= kl[b] - 4 * standardError,
                    "relaxed KL " + relaxedKl + " below the categorical KL " + kl[b] + ", example " + b);
        }
        Map<String, INDArray> codes = graph.sameDiff().output(TestModels.feed(x,
                TestModels.gaussian(random, samples * BATCH, LATENT), 1, 0), VaeGraph.Z_MEAN, VaeGraph.Z_CODE);
        double[] logits = codes.get(VaeGraph.Z_MEAN).dup('c').data().asDouble();
        double[] probabilities = codes.get(VaeGraph.Z_CODE).dup('c').data().asDouble();
        for (int v = 0; v < logits.length / 3; v++) {
            double normaliser = 0;
            for (int k = 0; k < 3; k++) {
                normaliser += Math.exp(logits[v * 3 + k]);
            }
            for (int k = 0; k < 3; k++) {
                assertEquals(Math.exp(logits[v * 3 + k]) / normaliser, probabilities[v * 3 + k], 1e-5,
                        "the figures' code is softmax(logits), variable " + v);
            }
        }
        LatentStatistics statistics = LatentStatistics.of(graph, TestModels.syntheticSplits(10, WIDTH, 12).train(), 5);
        assertTrue(statistics.klPerDimensionDefined());
        assertFalse(statistics.activityDefined(), "E_q[z] is not the encoder's output (the logits)");
    }

    private static ModelParts parts(String mlp) {
        return new ModelParts(TestModels.component(Family.ENCODER, mlp), TestModels.component(Family.DECODER, mlp),
                TestModels.BERNOULLI, TestModels.beta(1), TestModels.VAE,
                TestModels.component(Family.PRIOR, String.format(CODE, "categorical")),
                TestModels.component(Family.POSTERIOR, String.format(CODE, "gumbel_softmax")),
                TestModels.shape(WIDTH), LATENT);
    }
}
