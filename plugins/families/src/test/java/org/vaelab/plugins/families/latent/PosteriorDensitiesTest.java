package org.vaelab.plugins.families.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.latent.DiagonalGaussianPosterior;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * Each posterior's samples and log-density: the diagonal Gaussian against its density computed by hand, and a
 * planar flow and an inverse autoregressive flow against the change of variables computed from a numerical
 * Jacobian. With
 * {@code z_K = f(eps)}, {@code log q(z_K) = log N(eps; 0, I) - log |det dz_K/d eps|}; the Jacobian is taken by
 * central differences on the graph's own samples, so the test checks eq. 13 of Rezende and Mohamed 2015 and eq.
 * 15 of Kingma et al. 2016 (whose log-determinant is right only if the network is autoregressive) without
 * repeating their formulas. One map is given {@code w^T u = -3}, where the uncorrected map is not invertible
 * ({@code det = 1 + h'(a) w^T u < 0} near a = 0); the correction of their appendix A.1 must keep every
 * determinant positive.
 */
class PosteriorDensitiesTest {

    private static final int D = 3;
    private static final int POINTS = 4;
    private static final double STEP = 1e-2;

    @Test
    void theDiagonalGaussianIsReparameterisedWithItsOwnDensity() {
        TestContext context = new TestContext(D);
        PosteriorSample sample = new DiagonalGaussianPosterior().sample(context, encoded(context),
                context.placeholder("eps", D));
        SplittableRandom random = new SplittableRandom(1);
        double[][] mean = PriorDensitiesTest.draws(random, POINTS, D, 1.0);
        double[][] logVariance = PriorDensitiesTest.draws(random, POINTS, D, 0.5);
        double[][] eps = PriorDensitiesTest.draws(random, POINTS, D, 1.0);
        Map<String, double[][]> feed = Map.of("mean", mean, "log_variance", logVariance, "eps", eps);
        double[] z = PriorDensitiesTest.run(context, sample.z(), feed);
        double[] logDensity = PriorDensitiesTest.run(context, sample.logDensity(), feed);
        for (int i = 0; i < POINTS; i++) {
            double[] row = new double[D];
            for (int j = 0; j < D; j++) {
                row[j] = mean[i][j] + Math.exp(logVariance[i][j] / 2) * eps[i][j];
                assertEquals(row[j], z[i * D + j], 1e-5, "z of row " + i);
            }
            assertEquals(PriorDensitiesTest.logGaussian(row, mean[i], logVariance[i]), logDensity[i], 1e-4,
                    "log q of row " + i);
        }
    }

    @Test
    void aPlanarFlowsLogDensityIsTheChangeOfVariablesOfItsNumericalJacobian() {
        TestContext context = new TestContext(D);
        PosteriorSample sample = new PlanarFlowPosterior(new PlanarFlowConfig(3)).sample(context, encoded(context),
                context.placeholder("eps", D));
        context.set("flow_0/u", new double[][] {{-3.0, 0.0, 0.0}});
        context.set("flow_0/w", new double[][] {{1.0}, {0.0}, {0.0}});
        context.set("flow_0/b", new double[][] {{0.0}});
        context.set("flow_1/u", new double[][] {{0.8, -0.6, 1.1}});
        context.set("flow_1/w", new double[][] {{0.5}, {1.3}, {-0.7}});
        context.set("flow_1/b", new double[][] {{0.4}});
        context.set("flow_2/u", new double[][] {{-0.9, 1.4, 0.2}});
        context.set("flow_2/w", new double[][] {{-1.1}, {0.2}, {0.9}});
        context.set("flow_2/b", new double[][] {{-0.3}});
        assertChangeOfVariables(context, sample, new SplittableRandom(2), true);
    }

    @Test
    void anInverseAutoregressiveFlowsLogDensityIsTheChangeOfVariablesOfItsNumericalJacobian() {
        TestContext context = new TestContext(D);
        PosteriorSample sample = new InverseAutoregressiveFlowPosterior(new IafConfig(2, 5)).sample(context,
                encoded(context), context.placeholder("eps", D));
        assertChangeOfVariables(context, sample, new SplittableRandom(3), false);
    }

    /**
     * At {@link #POINTS} draws of eps, {@code log q(z_K) = log N(eps; 0, I) - log |det(dz_K / d eps)|}, the
     * Jacobian by central differences.
     *
     * @param planarHinge whether to place eps so that the first planar map's {@code w^T z + b} is near 0 and
     *     require a positive determinant there: log|det| alone cannot tell an invertible map from one that folds
     *     space (an inverse autoregressive flow's determinant is negative where it reverses an odd number of pairs)
     */
    private static void assertChangeOfVariables(TestContext context, PosteriorSample sample, SplittableRandom random,
                                                boolean planarHinge) {
        double[] mean = {0.3, -0.2, 0.5};
        double[] logVariance = {-0.4, 0.2, 0.0};
        for (int point = 0; point < POINTS; point++) {
            double[] eps = PriorDensitiesTest.draws(random, 1, D, 1.0)[0];
            if (planarHinge) {
                // near a = 0 for the first map, where its uncorrected determinant would be 1 - 3 = -2
                eps[0] = -mean[0] / Math.exp(logVariance[0] / 2) + 0.1 * point;
            }
            double[][] rows = new double[1 + 2 * D][];
            rows[0] = eps;
            for (int j = 0; j < D; j++) {
                rows[1 + 2 * j] = eps.clone();
                rows[1 + 2 * j][j] += STEP;
                rows[2 + 2 * j] = eps.clone();
                rows[2 + 2 * j][j] -= STEP;
            }
            Map<String, double[][]> feed = Map.of("mean", repeated(mean, rows.length),
                    "log_variance", repeated(logVariance, rows.length), "eps", rows);
            double[] z = PriorDensitiesTest.run(context, sample.z(), feed);
            double[] logDensity = PriorDensitiesTest.run(context, sample.logDensity(), feed);
            double[][] jacobian = new double[D][D];
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    jacobian[i][j] = (z[(1 + 2 * j) * D + i] - z[(2 + 2 * j) * D + i]) / (2 * STEP);
                }
            }
            double determinant = determinant(jacobian);
            if (planarHinge) {
                assertTrue(determinant > 0, "the flow keeps an invertible map at point " + point + ": " + determinant);
            }
            double expected = PriorDensitiesTest.logGaussian(eps, new double[D], new double[D])
                    - Math.log(Math.abs(determinant));
            assertEquals(expected, logDensity[0], 2e-3, "log q(z_K) at point " + point);
        }
    }

    private static GaussianPosterior encoded(TestContext context) {
        return new GaussianPosterior(context.placeholder("mean", D), context.placeholder("log_variance", D));
    }

    private static double[][] repeated(double[] row, int count) {
        double[][] rows = new double[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = row.clone();
        }
        return rows;
    }

    private static double determinant(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
