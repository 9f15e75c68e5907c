package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.eval.LatentStatistics;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.nn.Activation;

/**
 * Proves {@link LatentStatistics} on a linear encoder whose five latent dimensions are built to
 * be, in order: dead (mean and log-variance weights and biases zero, so q(z_0|x) = N(0, 1): KL 0,
 * variance 0); constant (mean 0.3 and log-variance -0.5 for every x: a positive KL, yet inactive);
 * just below the activity threshold (mean {@code 0.19 x_0} with {@code x_0} half zeros, half ones:
 * variance {@code 0.19^2 / 4 = 0.009025}); just above it ({@code 0.21 x_0}: 0.011025); and live
 * (random weights). Each KL and variance is checked against its closed form, the live one against
 * a two-pass variance of the graph's posterior means; exactly two units are active; the
 * per-dimension KLs sum to the split's mean KL from the {@link Evaluator}; the batch size does
 * not matter; and a model with one stochastic layer has no metric or column per layer.
 */
class LatentStatisticsTest {

    private static final int WIDTH = 4;
    private static final int LATENT = 5;
    private static final int EXAMPLES = 40;

    @Test
    void deadConstantThresholdAndLiveDimensions() {
        VaeGraph graph = TestModels.vae(WIDTH, List.of(), Activation.IDENTITY, LATENT, 2, 13);
        double[] meanWeights = TestModels.values(graph.sameDiff(), "encoder/mean/W");
        double[] meanBias = TestModels.values(graph.sameDiff(), "encoder/mean/b");
        double[] logVarianceWeights = TestModels.values(graph.sameDiff(), "encoder/logvar/W");
        double[] logVarianceBias = TestModels.values(graph.sameDiff(), "encoder/logvar/b");
        double[] slopes = {0, 0, 0.19, 0.21};
        for (int d = 0; d < slopes.length; d++) {
            for (int i = 0; i < WIDTH; i++) {
                meanWeights[i * LATENT + d] = i == 0 ? slopes[d] : 0;
                logVarianceWeights[i * LATENT + d] = 0;
            }
            meanBias[d] = d == 1 ? 0.3 : 0;
            logVarianceBias[d] = d == 1 ? -0.5 : 0;
        }
        TestModels.setValues(graph.sameDiff(), "encoder/mean/W", meanWeights);
        TestModels.setValues(graph.sameDiff(), "encoder/mean/b", meanBias);
        TestModels.setValues(graph.sameDiff(), "encoder/logvar/W", logVarianceWeights);
        TestModels.setValues(graph.sameDiff(), "encoder/logvar/b", logVarianceBias);

        float[] values = TestModels.binaryValues(new SplittableRandom(2), EXAMPLES * WIDTH);
        for (int e = 0; e < EXAMPLES; e++) {
            values[e * WIDTH] = e % 2;
        }
        DataSplit split = new DataSplit(values, null, WIDTH);
        LatentStatistics stats = LatentStatistics.of(graph, split, 7);
        System.out.println("LatentStatisticsTest " + stats + ", active units " + stats.activeUnits());

        double below = (float) 0.19;
        double above = (float) 0.21;
        double[] expectedVariance = {0, 0, below * below / 4, above * above / 4};
        double[] expectedKl = {0, 0.5 * (Math.exp(-0.5) + 0.09 - 1 + 0.5), below * below / 4, above * above / 4};
        for (int d = 0; d < expectedVariance.length; d++) {
            assertEquals(expectedVariance[d], stats.posteriorMeanVariance().get(d), 1e-7, "variance of dimension " + d);
            assertEquals(expectedKl[d], stats.klPerDimension().get(d), 1e-6, "KL of dimension " + d);
        }
        assertEquals(twoPassVariance(graph, split, 4), stats.posteriorMeanVariance().get(4), 1e-7, "live dimension");
        assertEquals(List.of(false, false, false, true, true),
                IntStream.range(0, LATENT).mapToObj(stats::isActive).toList());
        assertEquals(2, stats.activeUnits());
        assertEquals(EXAMPLES, stats.examples());
        assertEquals(List.of(), stats.layers(), "one stochastic layer");
        assertEquals(Map.of("test/active_units", 2.0), stats.metrics("test"));
        assertEquals("dimension,kl,posterior_mean_var,active", stats.csv().lines().findFirst().orElseThrow());
        assertEquals("2 of 5", stats.describeActiveUnits());

        double klSum = stats.klPerDimension().stream().mapToDouble(Double::doubleValue).sum();
        double meanKl = new Evaluator(graph, EXAMPLES).evaluate(split, new SplittableRandom(1)).kl();
        assertEquals(meanKl, klSum, 1e-6 * (1 + meanKl), "the per-dimension KLs sum to the mean KL");

        LatentStatistics oneBatch = LatentStatistics.of(graph, split, EXAMPLES);
        for (int d = 0; d < LATENT; d++) {
            assertEquals(oneBatch.klPerDimension().get(d), stats.klPerDimension().get(d), 1e-9, "KL, batch size, " + d);
            assertEquals(oneBatch.posteriorMeanVariance().get(d), stats.posteriorMeanVariance().get(d), 1e-9,
                    "variance, batch size, " + d);
        }
    }

    /** The variance over the split of the graph's posterior mean of dimension {@code d}, by mean then deviations. */
    private static double twoPassVariance(VaeGraph graph, DataSplit split, int d) {
        float[] values = new float[split.size() * split.width()];
        for (int e = 0; e < split.size(); e++) {
            split.copyRow(e, values, e);
        }
        INDArray x = Nd4j.create(values, new long[] {split.size(), split.width()}, 'c');
        INDArray eps = TestModels.gaussian(new SplittableRandom(0), graph.samples() * split.size(), LATENT);
        Map<String, INDArray> out = graph.sameDiff().output(TestModels.feed(x, eps, 1, 0), VaeGraph.Z_MEAN);
        double[] means = out.get(VaeGraph.Z_MEAN).getColumn(d).dup().toDoubleVector();
        double mean = Arrays.stream(means).average().orElseThrow();
        return Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / means.length;
    }
}
