package org.vaelab.plugins.families.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.latent.DiagonalGaussianPosterior;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.latent.StandardNormalPrior;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * Every prior's log-density against the same density computed by hand in double precision: N(0, I), a mixture of
 * Gaussians with learned and with equal weights, and the VampPrior over a linear encoder; the closed-form KL and
 * log importance ratio of N(0, I) against a diagonal Gaussian draw; and a mixture's sampling, which must pick
 * component k exactly when the uniform draw falls in its share of [0, 1).
 */
class PriorDensitiesTest {

    private static final int D = 2;
    private static final int ROWS = 5;
    private static final double TOLERANCE = 1e-4;

    @Test
    void standardNormalIsTheProductOfUnitGaussians() {
        TestContext context = new TestContext(D);
        SDVariable z = context.placeholder("z", D);
        PriorDensity prior = new StandardNormalPrior().build(context);
        double[][] values = draws(new SplittableRandom(1), ROWS, D, 2.0);
        double[] logDensity = run(context, prior.logDensity(z), Map.of("z", values));
        for (int i = 0; i < ROWS; i++) {
            double expected = 0;
            for (int j = 0; j < D; j++) {
                expected += TestContext.logNormal(values[i][j], 0, 0);
            }
            assertEquals(expected, logDensity[i], TOLERANCE, "row " + i);
        }
    }

    @Test
    void standardNormalHasTheClosedFormKlAndLogRatioOfAGaussianDraw() {
        TestContext context = new TestContext(D);
        SDVariable mean = context.placeholder("mean", D);
        SDVariable logVariance = context.placeholder("log_variance", D);
        SDVariable eps = context.placeholder("eps", D);
        GaussianPosterior q = new GaussianPosterior(mean, logVariance);
        PriorDensity prior = new StandardNormalPrior().build(context);
        PosteriorSample sample = new DiagonalGaussianPosterior().sample(context, q, eps);
        SplittableRandom random = new SplittableRandom(2);
        double[][] m = draws(random, ROWS, D, 1.5);
        double[][] lv = draws(random, ROWS, D, 1.0);
        double[][] e = draws(random, ROWS, D, 1.0);
        Map<String, double[][]> feed = Map.of("mean", m, "log_variance", lv, "eps", e);
        double[] kl = run(context, prior.klPerDimension(q).orElseThrow(), feed);
        double[] logRatio = run(context, prior.logRatio(sample), feed);
        for (int i = 0; i < ROWS; i++) {
            double ratio = 0;
            for (int j = 0; j < D; j++) {
                double expectedKl = 0.5 * (Math.exp(lv[i][j]) + m[i][j] * m[i][j] - 1 - lv[i][j]);
                assertEquals(expectedKl, kl[i * D + j], TOLERANCE, "KL of row " + i + ", dimension " + j);
                double zValue = m[i][j] + Math.exp(lv[i][j] / 2) * e[i][j];
                ratio += TestContext.logNormal(zValue, 0, 0) - TestContext.logNormal(zValue, m[i][j], lv[i][j]);
            }
            assertEquals(ratio, logRatio[i], TOLERANCE, "log p(z) - log q(z|x), row " + i);
        }
    }

    @Test
    void aMixtureWithLearnedWeightsIsTheWeightedSumOfItsComponents() {
        double[][] means = {{-1.0, 0.5}, {2.0, -0.3}, {0.1, 0.2}};
        double[][] logVariances = {{0.0, -0.5}, {0.4, 0.1}, {-1.0, 0.3}};
        double[] logits = {0.3, -1.2, 0.8};
        TestContext context = new TestContext(D);
        SDVariable z = context.placeholder("z", D);
        PriorDensity prior = new MixturePrior(new MixturePriorConfig(3, true)).build(context);
        context.set("means", means);
        context.set("log_variances", logVariances);
        context.set("weight_logits", new double[][] {logits});
        double[][] values = draws(new SplittableRandom(3), ROWS, D, 2.0);
        double[] logDensity = run(context, prior.logDensity(z), Map.of("z", values));
        double normaliser = 0;
        for (double logit : logits) {
            normaliser += Math.exp(logit);
        }
        for (int i = 0; i < ROWS; i++) {
            double density = 0;
            for (int k = 0; k < means.length; k++) {
                density += Math.exp(logits[k]) / normaliser
                        * Math.exp(logGaussian(values[i], means[k], logVariances[k]));
            }
            assertEquals(Math.log(density), logDensity[i], TOLERANCE, "row " + i);
        }
    }

    @Test
    void aMixtureOfOneIsThatGaussian() {
        double[][] means = {{0.7, -0.4}};
        double[][] logVariances = {{0.2, -0.6}};
        TestContext context = new TestContext(D);
        SDVariable z = context.placeholder("z", D);
        PriorDensity prior = new MixturePrior(new MixturePriorConfig(1, false)).build(context);
        context.set("means", means);
        context.set("log_variances", logVariances);
        double[][] values = draws(new SplittableRandom(4), ROWS, D, 2.0);
        double[] logDensity = run(context, prior.logDensity(z), Map.of("z", values));
        for (int i = 0; i < ROWS; i++) {
            assertEquals(logGaussian(values[i], means[0], logVariances[0]), logDensity[i], TOLERANCE, "row " + i);
        }
    }

    @Test
    void theVampPriorAveragesThePosteriorsOfItsPseudoInputs() {
        double[][] meanWeights = {{1.0, -0.5}, {0.3, 0.8}, {-0.7, 0.2}};
        double[][] logVarianceWeights = {{0.2, 0.1}, {-0.4, 0.3}, {0.1, -0.2}};
        double[][] pseudoInputs = {{0.5, -1.0, 0.3}, {1.2, 0.4, -0.6}, {-0.3, 0.9, 1.1}, {0.0, 0.2, -0.8}};
        TestContext context = new TestContext(D, meanWeights, logVarianceWeights);
        SDVariable z = context.placeholder("z", D);
        PriorDensity prior = new VampPrior(new VampPriorConfig(pseudoInputs.length)).build(context);
        context.set("pseudo_inputs", pseudoInputs);
        double[][] values = draws(new SplittableRandom(5), ROWS, D, 2.0);
        double[] logDensity = run(context, prior.logDensity(z), Map.of("z", values));
        for (int i = 0; i < ROWS; i++) {
            double density = 0;
            for (double[] u : pseudoInputs) {
                density += Math.exp(logGaussian(values[i], times(u, meanWeights), times(u, logVarianceWeights)))
                        / pseudoInputs.length;
            }
            assertEquals(Math.log(density), logDensity[i], TOLERANCE, "row " + i);
        }
    }

    @Test
    void aMixturePicksTheComponentWhoseShareTheUniformDrawFallsIn() {
        double[][] means = {{-5.0, -5.0}, {5.0, 5.0}, {0.0, 9.0}};
        TestContext context = new TestContext(D);
        SDVariable normal = context.placeholder("normal", D);
        SDVariable uniform = context.placeholder("uniform", 1);
        PriorDensity prior = new MixturePrior(new MixturePriorConfig(3, true)).build(context);
        context.set("means", means);
        context.set("log_variances", new double[][] {{0.0, 0.0}, {0.0, 0.0}, {2.0, 2.0}});
        context.set("weight_logits", new double[][] {{Math.log(0.25), Math.log(0.5), Math.log(0.25)}});
        double[] u = {0.0, 0.2, 0.26, 0.5, 0.74, 0.76, 0.999};
        int[] component = {0, 0, 1, 1, 1, 2, 2};
        double[][] noise = new double[u.length][D];
        double[][] uniformValues = new double[u.length][1];
        for (int i = 0; i < u.length; i++) {
            noise[i] = new double[] {1.0, -1.0};
            uniformValues[i][0] = u[i];
        }
        double[] z = run(context, prior.sample(normal, uniform), Map.of("normal", noise, "uniform", uniformValues));
        for (int i = 0; i < u.length; i++) {
            double deviation = component[i] == 2 ? Math.E : 1.0;
            assertEquals(means[component[i]][0] + deviation, z[i * D], TOLERANCE, "u = " + u[i]);
            assertEquals(means[component[i]][1] - deviation, z[i * D + 1], TOLERANCE, "u = " + u[i]);
        }
    }

    static double logGaussian(double[] z, double[] mean, double[] logVariance) {
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            sum += TestContext.logNormal(z[j], mean[j], logVariance[j]);
        }
        return sum;
    }

    private static double[] times(double[] row, double[][] matrix) {
        double[] out = new double[matrix[0].length];
        for (int i = 0; i < row.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += row[i] * matrix[i][j];
            }
        }
        return out;
    }

    static double[][] draws(SplittableRandom random, int rows, int columns, double scale) {
        double[][] values = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                values[i][j] = scale * random.nextGaussian();
            }
        }
        return values;
    }

    /** The value of {@code output} for {@code feed}, flattened row-major. */
    static double[] run(TestContext context, SDVariable output, Map<String, double[][]> feed) {
        Map<String, INDArray> arrays = new HashMap<>();
        feed.forEach((name, values) -> arrays.put(name, TestContext.matrix(values)));
        INDArray value = context.sameDiff().output(arrays, output.name()).get(output.name());
        return value.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
