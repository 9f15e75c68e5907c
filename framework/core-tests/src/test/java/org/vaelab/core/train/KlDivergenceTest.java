package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.nn.Activation;

/**
 * Proves that the graph's {@code kl} output is KL(q(z|x) || N(0, I)) for the encoder's q: it
 * equals the closed form {@code 1/2 sum_j (exp(lv_j) + mu_j^2 - 1 - lv_j)} worked out in the test
 * from the encoder's weights, and a Monte Carlo estimate of
 * {@code E_q[log q(z|x) - log N(z; 0, I)]} from 200,000 draws of z within four standard errors.
 */
class KlDivergenceTest {

    private static final int WIDTH = 6;
    private static final int LATENT = 3;
    private static final int BATCH = 4;
    private static final int DRAWS = 200_000;

    @Test
    void klIsTheClosedFormAndAgreesWithMonteCarlo() {
        // No hidden layers: mu = x W_mu + b_mu and lv = x W_lv + b_lv, which the test can work out.
        VaeGraph graph = TestModels.vae(WIDTH, List.of(), Activation.IDENTITY, LATENT, 1, 3);
        SameDiff sd = graph.sameDiff();
        SplittableRandom random = new SplittableRandom(17);
        // Weights wider than the default initialisation, so the KL is several nats and lv spans [-2.5, 2.5].
        AffineLayer mean = AffineLayer.random(random, 0.8, WIDTH, LATENT);
        AffineLayer logVariance = AffineLayer.random(random, 0.8, WIDTH, LATENT);
        mean.assignTo(sd, "encoder/mean");
        logVariance.assignTo(sd, "encoder/logvar");

        INDArray x = TestModels.binary(random, BATCH, WIDTH);
        INDArray eps = TestModels.gaussian(random, BATCH, LATENT);
        Map<String, INDArray> out = sd.output(TestModels.feed(x, eps, 1, 0), VaeGraph.KL, VaeGraph.Z_MEAN);
        INDArray kl = out.get(VaeGraph.KL);
        INDArray zMean = out.get(VaeGraph.Z_MEAN);
        assertEquals(BATCH, kl.length());

        SplittableRandom draws = new SplittableRandom(99);
        for (int b = 0; b < BATCH; b++) {
            double[] xb = x.getRow(b).toDoubleVector();
            double[] mu = mean.apply(xb);
            double[] lv = logVariance.apply(xb);
            for (int j = 0; j < LATENT; j++) {
                assertEquals(mu[j], zMean.getDouble(b, j), 1e-5, "z_mean is the encoder's mean");
            }
            double closedForm = 0;
            for (int j = 0; j < LATENT; j++) {
                closedForm += 0.5 * (Math.exp(lv[j]) + mu[j] * mu[j] - 1 - lv[j]);
            }
            MonteCarlo estimate = MonteCarlo.kl(mu, lv, DRAWS, draws);
            double graphKl = kl.getDouble(b);
            System.out.printf("KlDivergenceTest example %d: graph %.5f, closed form %.5f, Monte Carlo %.5f +- %.5f "
                    + "(%.2f standard errors)%n", b, graphKl, closedForm, estimate.mean(), estimate.standardError(),
                    (graphKl - estimate.mean()) / estimate.standardError());
            assertEquals(closedForm, graphKl, 1e-5 * (1 + closedForm), "closed form, example " + b);
            assertEquals(estimate.mean(), graphKl, 4 * estimate.standardError(), "Monte Carlo, example " + b);
            assertTrue(estimate.standardError() < 0.02 * closedForm, "the Monte Carlo check is sharp enough");
        }
    }

    /** A dense layer {@code x W + b} of {@code WIDTH} inputs and {@code LATENT} outputs, in double. */
    private record MonteCarlo(double mean, double standardError) {

        /**
         * Estimates KL(N(mu, diag(exp(lv))) || N(0, I)) as the mean of
         * {@code log q(z) - log N(z; 0, I) = sum_j (z_j^2 - eps_j^2 - lv_j) / 2} over draws
         * {@code z = mu + exp(lv / 2) eps}; the normalising constants cancel.
         */
        static MonteCarlo kl(double[] mu, double[] lv, int draws, SplittableRandom random) {
            double sum = 0;
            double sumOfSquares = 0;
            for (int s = 0; s < draws; s++) {
                double logRatio = 0;
                for (int j = 0; j < mu.length; j++) {
                    double e = random.nextGaussian();
                    double z = mu[j] + Math.exp(lv[j] / 2) * e;
                    logRatio += 0.5 * (z * z - e * e - lv[j]);
                }
                sum += logRatio;
                sumOfSquares += logRatio * logRatio;
            }
            double mean = sum / draws;
            double variance = (sumOfSquares - draws * mean * mean) / (draws - 1);
            return new MonteCarlo(mean, Math.sqrt(variance / draws));
        }
    }
}
