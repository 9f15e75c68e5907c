package org.vaelab.plugins.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The IWAE objective against a direct computation of {@code -mean_b log (1/k) sum_i w_{i,b}} from
 * log weights spread over 60 nats (where a naive exp would overflow a float), its gradient
 * against central differences, and k = 1 against the plain VAE's objective (the ELBO).
 */
class IwaeFamilyTest {

    private static final int K = 4;
    private static final int BATCH = 3;

    @Test
    void theLossIsTheNegativeImportanceWeightedBoundComputedStably() {
        double[] logWeights = logWeights(new SplittableRandom(1), K * BATCH, 60);
        double expected = 0;
        for (int b = 0; b < BATCH; b++) {
            double largest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < K; i++) {
                largest = Math.max(largest, logWeights[i * BATCH + b]);
            }
            double sum = 0;
            for (int i = 0; i < K; i++) {
                sum += Math.exp(logWeights[i * BATCH + b] - largest);
            }
            expected -= (largest + Math.log(sum / K)) / BATCH;
        }
        assertEquals(expected, loss(new IwaeFamily(K), K, logWeights), 1e-3);
    }

    @Test
    void itsGradientMatchesCentralDifferences() {
        double[] logWeights = logWeights(new SplittableRandom(2), K * BATCH, 5);
        SameDiff sd = SameDiff.create();
        SDVariable weights = sd.var("w", Nd4j.createFromArray(logWeights).castTo(DataType.DOUBLE));
        SDVariable loss = new IwaeFamily(K).objective(sd, terms(sd, K, weights)).loss();
        sd.setLossVariables(loss.name());
        INDArray gradient = sd.calculateGradients(Map.of(), "w").get("w");
        for (int j = 0; j < logWeights.length; j++) {
            double h = 1e-5;
            double[] up = logWeights.clone();
            double[] down = logWeights.clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (loss(new IwaeFamily(K), K, up) - loss(new IwaeFamily(K), K, down)) / (2 * h);
            assertEquals(numeric, gradient.getDouble(j), 1e-6, "d loss / d log w_" + j);
        }
    }

    @Test
    void withOneSampleItIsTheElbo() {
        double[] logWeights = logWeights(new SplittableRandom(3), BATCH, 10);
        double elbo = 0;
        for (double w : logWeights) {
            elbo += w / BATCH;
        }
        assertEquals(-elbo, loss(new IwaeFamily(1), 1, logWeights), 1e-9);
        assertEquals(7, new IwaeFamily(7).samples(1), "the family sets the number of samples");
        assertTrue(new VaeFamily().samples(3) == 3, "the plain VAE keeps train.mc_samples");
    }

    private static double loss(ModelFamily family, int samples, double[] logWeights) {
        SameDiff sd = SameDiff.create();
        SDVariable weights = sd.constant("w", Nd4j.createFromArray(logWeights).castTo(DataType.DOUBLE));
        return family.objective(sd, terms(sd, samples, weights)).loss().eval().getDouble(0);
    }

    /** Terms of which the IWAE objective reads only the log weights. */
    private static ObjectiveTerms terms(SameDiff sd, int samples, SDVariable logWeights) {
        SDVariable unused = sd.constant(Nd4j.scalar(Double.NaN));
        return new ObjectiveTerms(samples, unused, logWeights, unused, unused, unused, unused, unused);
    }

    private static double[] logWeights(SplittableRandom random, int count, double spread) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = -100 - spread * random.nextDouble();
        }
        return values;
    }
}
