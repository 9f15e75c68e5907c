package org.vaelab.plugins.families.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.nn.Activation;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The two stochastic layers of Burda, Grosse and Salakhutdinov 2016 (section 5) against a hand computation in double
 * precision, on z = [z1, z2] of 2 + 1 columns with affine conditional layers (no hidden layer), so every mean and
 * log-variance is {@code u w + b}: log p(z) = log N(z2; 0, 1) + log N(z1; mu(z2), sigma^2(z2)); ancestral samples;
 * q's draws and log q(z|x) = log N(z1; mu1, sigma1^2) + log N(z2; mu2(z1), sigma2^2(z1)); the figures' code
 * [mu1, mu2(mu1)]; and a z2 as wide as z refused, naming the key.
 */
class TwoLayerLatentsTest {

    private static final int D = 3;
    private static final int BOTTOM = 2;
    private static final int ROWS = 5;
    private static final double TOLERANCE = 1e-4;
    private static final StochasticLayersConfig AFFINE = new StochasticLayersConfig(1, List.of(), Activation.TANH);
    /** The conditional layer's weights: from the one-column layer to two columns, mean and log-variance. */
    private static final double[] MEAN_W = {0.7, -1.2};
    private static final double[] MEAN_B = {0.3, 0.1};
    private static final double[] LOGVAR_W = {-0.4, 0.5};
    private static final double[] LOGVAR_B = {0.2, -0.3};

    @Test
    void thePriorIsTheTopUnitGaussianTimesTheConditionalBottom() {
        TestContext context = new TestContext(D);
        SDVariable z = context.placeholder("z", D);
        PriorDensity prior = new TwoLayerPrior(AFFINE).build(context);
        setAffine(context, "p_z1", new double[][] {MEAN_W}, MEAN_B, new double[][] {LOGVAR_W}, LOGVAR_B);
        double[][] values = PriorDensitiesTest.draws(new SplittableRandom(1), ROWS, D, 1.5);
        double[] logDensity = PriorDensitiesTest.run(context, prior.logDensity(z), Map.of("z", values));
        for (int i = 0; i < ROWS; i++) {
            double top = values[i][BOTTOM];
            double expected = TestContext.logNormal(top, 0, 0);
            for (int j = 0; j < BOTTOM; j++) {
                expected += TestContext.logNormal(values[i][j], MEAN_W[j] * top + MEAN_B[j],
                        LOGVAR_W[j] * top + LOGVAR_B[j]);
            }
            assertEquals(expected, logDensity[i], TOLERANCE, "row " + i);
        }
        assertEquals(BOTTOM, new TwoLayerPrior(AFFINE).decoderInputWidth(D), "x reads z1 alone");
    }

    @Test
    void thePriorSamplesTheTopLayerThenTheBottomGivenIt() {
        TestContext context = new TestContext(D);
        SDVariable normal = context.placeholder("normal", D);
        SDVariable uniform = context.placeholder("uniform", 1);
        PriorDensity prior = new TwoLayerPrior(AFFINE).build(context);
        setAffine(context, "p_z1", new double[][] {MEAN_W}, MEAN_B, new double[][] {LOGVAR_W}, LOGVAR_B);
        double[][] noise = PriorDensitiesTest.draws(new SplittableRandom(2), ROWS, D, 1.0);
        double[] z = PriorDensitiesTest.run(context, prior.sample(normal, uniform),
                Map.of("normal", noise, "uniform", new double[ROWS][1]));
        for (int i = 0; i < ROWS; i++) {
            double top = noise[i][BOTTOM];
            assertEquals(top, z[i * D + BOTTOM], TOLERANCE, "z2 of row " + i + " is its noise");
            for (int j = 0; j < BOTTOM; j++) {
                double expected = MEAN_W[j] * top + MEAN_B[j] + Math.exp((LOGVAR_W[j] * top + LOGVAR_B[j]) / 2)
                        * noise[i][j];
                assertEquals(expected, z[i * D + j], TOLERANCE, "z1 of row " + i + ", column " + j);
            }
        }
    }

    @Test
    void thePosteriorDrawsTheBottomLayerFromTheEncoderThenTheTopGivenIt() {
        TestContext context = new TestContext(D);
        SDVariable mean = context.placeholder("mean", D);
        SDVariable logVariance = context.placeholder("log_variance", D);
        SDVariable eps = context.placeholder("eps", D);
        TwoLayerPosterior posterior = new TwoLayerPosterior(AFFINE);
        GaussianPosterior encoded = new GaussianPosterior(mean, logVariance);
        PosteriorSample sample = posterior.sample(context, encoded, eps);
        SDVariable code = posterior.code(context, encoded);
        // from the two-column z1 to the one-column z2: weights [2, 1]
        double[] meanW = {0.6, -0.9};
        double[] logVarW = {0.25, 0.4};
        setAffine(context, "q_z2", new double[][] {{meanW[0]}, {meanW[1]}}, new double[] {-0.2},
                new double[][] {{logVarW[0]}, {logVarW[1]}}, new double[] {0.1});
        SplittableRandom random = new SplittableRandom(3);
        double[][] m = PriorDensitiesTest.draws(random, ROWS, D, 1.0);
        double[][] lv = PriorDensitiesTest.draws(random, ROWS, D, 0.5);
        double[][] e = PriorDensitiesTest.draws(random, ROWS, D, 1.0);
        Map<String, double[][]> feed = Map.of("mean", m, "log_variance", lv, "eps", e);
        double[] z = PriorDensitiesTest.run(context, sample.z(), feed);
        double[] logQ = PriorDensitiesTest.run(context, sample.logDensity(), feed);
        double[] codes = PriorDensitiesTest.run(context, code, feed);
        assertTrue(sample.gaussian().isEmpty(), "q is not the encoder's Gaussian: no closed forms apply");
        for (int i = 0; i < ROWS; i++) {
            double[] z1 = new double[BOTTOM];
            double expected = 0;
            double topMean = -0.2;
            double topLogVariance = 0.1;
            double codeMean = -0.2;
            for (int j = 0; j < BOTTOM; j++) {
                z1[j] = m[i][j] + Math.exp(lv[i][j] / 2) * e[i][j];
                expected += TestContext.logNormal(z1[j], m[i][j], lv[i][j]);
                topMean += meanW[j] * z1[j];
                topLogVariance += logVarW[j] * z1[j];
                codeMean += meanW[j] * m[i][j];
                assertEquals(z1[j], z[i * D + j], TOLERANCE, "z1 of row " + i + ", column " + j);
                assertEquals(m[i][j], codes[i * D + j], TOLERANCE, "the code's z1 is the encoder's mean");
            }
            double z2 = topMean + Math.exp(topLogVariance / 2) * e[i][BOTTOM];
            expected += TestContext.logNormal(z2, topMean, topLogVariance);
            assertEquals(z2, z[i * D + BOTTOM], TOLERANCE, "z2 of row " + i);
            assertEquals(expected, logQ[i], TOLERANCE, "log q of row " + i);
            assertEquals(codeMean, codes[i * D + BOTTOM], TOLERANCE, "the code's z2 is mu2(mu1)");
        }
    }

    @Test
    void aTopLayerAsWideAsZIsRefused() {
        StochasticLayersConfig whole = new StochasticLayersConfig(D, List.of(), Activation.TANH);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new TwoLayerPrior(whole).decoderInputWidth(D));
        assertEquals("model.prior.top: z = [z1, z2] has latent_dim = 3 columns and z2 3, which leaves none for z1; use"
                + " a top below latent_dim", e.getMessage());
    }

    /** Sets the affine layer {@code name}: {@code mean = u meanW + meanB}, {@code logvar = u logVarW + logVarB}. */
    private static void setAffine(TestContext context, String name, double[][] meanW, double[] meanB,
                                  double[][] logVarW, double[] logVarB) {
        context.set(name + "/mean/W", meanW);
        context.set(name + "/mean/b", new double[][] {meanB});
        context.set(name + "/logvar/W", logVarW);
        context.set(name + "/logvar/b", new double[][] {logVarB});
    }
}
