package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.nn.Activation;

/**
 * Proves that SameDiff's gradients of the VAE training loss, and those the training engine computes
 * from its compiled plan, are its true derivatives: for every weight of a tiny mlp VAE, converted
 * to double precision, each analytic gradient agrees with a central finite difference of the
 * {@code loss} output, on both sides of the KL penalty
 * {@code w * |KL - C|} and with one and two Monte Carlo samples.
 */
class LossGradientTest {

    private static final int WIDTH = 6;
    private static final int LATENT = 3;
    private static final int BATCH = 4;

    @ParameterizedTest(name = "k = {0}, w = {1}, C = KL + {2}")
    @CsvSource({
            "1, 1.0, -1",   // capacity 0: the plain beta-VAE penalty, KL above C
            "1, 2.0, 0.5",  // capacity above the KL: the penalty's other branch, d|KL - C|/dKL = -1
            "2, 2.0, -1",   // two samples of z per example: tile, reshape and mean in the backward pass
    })
    void everyWeightGradientMatchesCentralDifferences(int samples, double weight, double capacityAboveKl) {
        VaeGraph graph = TestModels.vae(WIDTH, List.of(5), Activation.TANH, LATENT, samples, 11);
        SameDiff sd = graph.sameDiff();
        DoublePrecision.convert(sd);
        SplittableRandom random = new SplittableRandom(5);
        INDArray x = TestModels.binary(random, BATCH, WIDTH).castTo(DataType.DOUBLE);
        INDArray eps = TestModels.gaussian(random, samples * BATCH, LATENT).castTo(DataType.DOUBLE);

        double klMean = sd.output(TestModels.feed(x, eps, weight, 0), VaeGraph.KL_MEAN)
                .get(VaeGraph.KL_MEAN).getDouble(0);
        double capacity = capacityAboveKl < 0 ? 0 : klMean + capacityAboveKl;
        Map<String, INDArray> feed = TestModels.feed(x, eps, weight, capacity);

        Map<String, INDArray> out = sd.output(feed, VaeGraph.LOSS, VaeGraph.RECON_LOSS, VaeGraph.KL_MEAN);
        assertEquals(out.get(VaeGraph.RECON_LOSS).getDouble(0)
                        + weight * Math.abs(out.get(VaeGraph.KL_MEAN).getDouble(0) - capacity),
                out.get(VaeGraph.LOSS).getDouble(0), 1e-12, "loss = recon + w |KL - C|");

        List<String> parameters = TestModels.parameterNames(sd);
        Map<String, INDArray> gradients = sd.calculateGradients(feed, parameters);
        Map<String, INDArray> engine = TrainingStep.of(graph, 2)
                .compute(new TrainingBatch(feed, new KlWeighting(weight, capacity))).gradients();
        for (String name : parameters) {
            assertEquals(DataType.DOUBLE, gradients.get(name).dataType());
            assertEquals(DataType.DOUBLE, sd.getArrForVarName(name).dataType());
        }
        List<GradientComparison> comparisons = GradientComparison.of(sd, feed, parameters, gradients, engine);
        GradientComparison comparison = comparisons.get(0);
        GradientComparison engineComparison = comparisons.get(1);
        System.out.printf("LossGradientTest k=%d w=%.1f C=%.4f (KL=%.4f): %s%n",
                samples, weight, capacity, klMean, comparison);
        assertEquals(graph.parameterCount(), comparison.count(), "every trainable value was checked");
        assertTrue(comparison.failures().isEmpty(), () -> "gradients off: " + comparison.failures());
        assertEquals(graph.parameterCount(), engineComparison.count(), "every trainable value was checked");
        assertTrue(engineComparison.failures().isEmpty(),
                () -> "the engine's gradients off: " + engineComparison.failures());
        assertTrue(comparison.largestAnalytic() > 1e-2, "the check is not vacuous");
    }
}
