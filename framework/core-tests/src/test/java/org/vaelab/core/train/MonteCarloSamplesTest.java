package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.vaelab.spi.nn.Activation;

/**
 * Proves that with {@code k = 4} samples of z per example the graph's {@code log_px} is the mean
 * of the four single-sample values: the same weights run with {@code k = 1} on each quarter of the
 * noise (rows {@code s * batch} to {@code (s + 1) * batch - 1} are sample {@code s}) give four
 * log-likelihoods per example whose average it equals, while the KL does not depend on k.
 */
class MonteCarloSamplesTest {

    private static final int WIDTH = 6;
    private static final int LATENT = 3;
    private static final int BATCH = 5;
    private static final int K = 4;
    private static final long SEED = 21;

    @Test
    void logPxWithFourSamplesIsTheMeanOfFourSingleSampleRuns() {
        VaeGraph four = TestModels.vae(WIDTH, List.of(5), Activation.TANH, LATENT, K, SEED);
        VaeGraph one = TestModels.vae(WIDTH, List.of(5), Activation.TANH, LATENT, 1, SEED);
        for (String name : TestModels.parameterNames(one.sameDiff())) {
            assertArrayEquals(TestModels.values(one.sameDiff(), name), TestModels.values(four.sameDiff(), name),
                    "same seed, same weights: " + name);
        }
        SplittableRandom random = new SplittableRandom(8);
        INDArray x = TestModels.binary(random, BATCH, WIDTH);
        INDArray eps = TestModels.gaussian(random, K * BATCH, LATENT);

        Map<String, INDArray> out = four.sameDiff().output(TestModels.feed(x, eps, 1, 0),
                VaeGraph.LOG_PX, VaeGraph.KL, VaeGraph.RECON_LOSS, VaeGraph.X_MEAN);
        INDArray logPx = out.get(VaeGraph.LOG_PX);
        assertArrayEquals(new long[] {BATCH}, logPx.shape());

        double[][] single = new double[K][];
        double[] mean = new double[BATCH];
        for (int s = 0; s < K; s++) {
            INDArray slice = eps.get(NDArrayIndex.interval(s * BATCH, (s + 1) * BATCH), NDArrayIndex.all()).dup();
            Map<String, INDArray> sample = one.sameDiff().output(TestModels.feed(x, slice, 1, 0),
                    VaeGraph.LOG_PX, VaeGraph.KL, VaeGraph.X_MEAN);
            single[s] = sample.get(VaeGraph.LOG_PX).toDoubleVector();
            for (int b = 0; b < BATCH; b++) {
                mean[b] += single[s][b] / K;
                assertEquals(out.get(VaeGraph.KL).getDouble(b), sample.get(VaeGraph.KL).getDouble(b), 1e-6,
                        "the KL does not depend on the samples");
            }
            if (s == 0) {
                INDArray firstRows = out.get(VaeGraph.X_MEAN).get(NDArrayIndex.interval(0, BATCH), NDArrayIndex.all());
                assertTrue(firstRows.equalsWithEps(sample.get(VaeGraph.X_MEAN), 1e-6),
                        "the first batch rows of x_mean belong to the first sample");
            }
        }
        double meanOfMeans = 0;
        for (int b = 0; b < BATCH; b++) {
            double spread = Math.abs(single[0][b] - single[1][b]) + Math.abs(single[2][b] - single[3][b]);
            assertTrue(spread > 1e-3, "the four samples give different log-likelihoods, example " + b);
            assertEquals(mean[b], logPx.getDouble(b), 1e-5 * (1 + Math.abs(mean[b])), "example " + b);
            meanOfMeans += mean[b] / BATCH;
        }
        assertEquals(-meanOfMeans, out.get(VaeGraph.RECON_LOSS).getDouble(0), 1e-5 * (1 + Math.abs(meanOfMeans)));
    }
}
