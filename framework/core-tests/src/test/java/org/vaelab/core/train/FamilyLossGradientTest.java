package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.Family;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.model.ModelFamily;

/**
 * The losses of the model families that change what training minimises (WAE-MMD, InfoVAE,
 * DIP-VAE I and II, MIWAE, CIWAE) have the gradients SameDiff and the compiled training engine
 * compute: on a tiny mlp VAE in double precision, every weight's analytic gradient, from both,
 * agrees with a central finite difference of the loss, prior samples (for the MMD families) fed
 * like eps.
 */
class FamilyLossGradientTest {

    private static final int WIDTH = 4;
    private static final int LATENT = 3;
    private static final int BATCH = 5;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{type: wae_mmd, lambda: 10}",
        "{type: info_vae, alpha: 0.5, lambda: 20}",
        "{type: dip_vae_i, lambda_od: 10, lambda_d: 100}",
        "{type: dip_vae_ii, lambda_od: 10, lambda_d: 10}",
        "{type: miwae, groups: 2, samples: 2}",
        "{type: ciwae, beta: 0.3, samples: 3}",
    })
    void everyWeightGradientMatchesCentralDifferences(String family) {
        ModelFamily objective = TestModels.component(Family.MODEL_FAMILY, family);
        int samples = objective.samples(1);
        String mlp = "{type: mlp, hidden: [3], activation: tanh}";
        VaeGraph graph = new ModelParts(TestModels.component(Family.ENCODER, mlp),
                TestModels.component(Family.DECODER, mlp),
                TestModels.BERNOULLI, TestModels.beta(1.0), objective, TestModels.shape(WIDTH), LATENT)
                .build(samples, new SplittableRandom(11));
        SameDiff sd = graph.sameDiff();
        DoublePrecision.convert(sd);
        SplittableRandom random = new SplittableRandom(5);
        INDArray x = TestModels.binary(random, BATCH, WIDTH).castTo(DataType.DOUBLE);
        INDArray eps = TestModels.gaussian(random, samples * BATCH, LATENT).castTo(DataType.DOUBLE);
        Map<String, INDArray> feed = TestModels.feed(x, eps, 1.0, 0.0);
        GraphFeed.putPriorSample(feed, graph, random, samples * BATCH);
        feed.replaceAll((name, value) -> value.castTo(DataType.DOUBLE));

        List<String> parameters = TestModels.parameterNames(sd);
        Map<String, INDArray> gradients = sd.calculateGradients(feed, parameters);
        TrainingStep step = TrainingStep.of(graph, 2);
        Map<String, INDArray> engine = step.compute(new TrainingBatch(feed, new KlWeighting(1.0, 0.0))).gradients();
        assertEquals("compiled", step.kind(), "the engine runs the family's graph compiled");
        List<GradientComparison> comparisons = GradientComparison.of(sd, feed, parameters, gradients, engine);
        System.out.printf("FamilyLossGradientTest %s: %s%n", family, comparisons.get(0));
        for (GradientComparison comparison : comparisons) {
            assertEquals(graph.parameterCount(), comparison.count(), "every trainable value was checked");
            assertTrue(comparison.failures().isEmpty(), () -> family + ": gradients off: " + comparison.failures());
        }
        assertTrue(comparisons.get(0).largestAnalytic() > 1e-2, "the check is not vacuous");
    }
}
