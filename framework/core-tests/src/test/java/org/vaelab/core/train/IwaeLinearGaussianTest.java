package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaelab.core.eval.ImportanceSampling;
import org.vaelab.spi.data.DataSplit;

/**
 * Proves that {@link ImportanceSampling} estimates log p(x) as Burda et al. 2016 (eq. 8) define
 * it, on the {@link IwaeLinearGaussianModel}, whose log p(x), ELBO and importance-weight variance
 * are known in closed form for six x drawn from the model:
 * <ol>
 * <li>with K = 1 the estimate is one log weight, whose mean over 2,000 draws per x matches the
 *     closed-form ELBO within four standard errors (so the log weights carry every normalising
 *     constant) and lies below log p(x);
 * <li>the mean estimate over the six x rises with K, from K = 1 through 4, 16 and 64, each step by
 *     more than four standard errors of the step;
 * <li>with K = 5000 each x's estimate is within 0.05 nats of the closed-form log p(x). The
 *     tolerance is justified per x by the delta method: the estimate's standard deviation is
 *     about {@code sqrt(chi^2 / K)} and its bias about {@code chi^2 / (2K)}, chi^2 the closed-form
 *     relative variance of one weight; the test asserts that 0.05 exceeds five standard
 *     deviations plus the bias for every x, so it is not loose by accident (float rounding of the
 *     log weights, about 1e-6 nats, does not matter).
 * </ol>
 */
class IwaeLinearGaussianTest {

    private static final int POINTS = 6;
    private static final int COPIES = 2000;
    private static final double TOLERANCE = 0.05;
    private static final int LARGE_K = 5000;

    private static IwaeLinearGaussianModel model;
    private static double[][] points;
    private static double[] truth;

    @BeforeAll
    static void drawPoints() {
        model = IwaeLinearGaussianModel.create(3);
        SplittableRandom random = new SplittableRandom(51);
        points = new double[POINTS][];
        truth = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            points[i] = model.sample(random);
            truth[i] = model.logMarginal(points[i]);
        }
    }

    @Test
    void oneSampleIsTheElboBelowTheTruth() {
        double[] estimates = estimator(1).logLikelihoods(copies(COPIES), new SplittableRandom(1));
        double overall = 0;
        double overallTruth = 0;
        double overallVariance = 0;
        for (int i = 0; i < POINTS; i++) {
            MeanAndError draws = MeanAndError.of(estimates, i);
            double elbo = model.elbo(points[i]);
            System.out.printf("IwaeLinearGaussianTest x%d: log p(x) %.4f, ELBO %.4f, K = 1 mean %.4f +- %.4f%n",
                    i, truth[i], elbo, draws.mean(), draws.standardError());
            assertEquals(elbo, draws.mean(), 4 * draws.standardError(), "K = 1 averages to the ELBO, x" + i);
            assertTrue(elbo < truth[i], "the ELBO is below log p(x), x" + i);
            overall += draws.mean() / POINTS;
            overallTruth += truth[i] / POINTS;
            overallVariance += draws.standardError() * draws.standardError() / (POINTS * POINTS);
        }
        assertTrue(overall < overallTruth - 4 * Math.sqrt(overallVariance),
                "on average K = 1 is below log p(x): " + overall + " vs " + overallTruth);
    }

    @Test
    void theEstimateRisesWithK() {
        DataSplit split = copies(COPIES);
        double truthMean = 0;
        for (double t : truth) {
            truthMean += t / POINTS;
        }
        double[] previous = null;
        for (int k : new int[] {1, 4, 16, 64}) {
            double[] estimates = estimator(k).logLikelihoods(split, new SplittableRandom(2));
            MeanAndError mean = MeanAndError.of(estimates, -1);
            System.out.printf("IwaeLinearGaussianTest K = %d: mean estimate %.5f +- %.5f, gap to log p(x) %.5f%n",
                    k, mean.mean(), mean.standardError(), truthMean - mean.mean());
            if (previous != null) {
                double[] step = new double[estimates.length];
                for (int e = 0; e < step.length; e++) {
                    step[e] = estimates[e] - previous[e];
                }
                MeanAndError rise = MeanAndError.of(step, -1);
                assertTrue(rise.mean() > 4 * rise.standardError(), "K = " + k + " rises by " + rise.mean()
                        + " +- " + rise.standardError());
            }
            previous = estimates;
        }
    }

    @Test
    void fiveThousandSamplesReachTheClosedForm() {
        double[] estimates = estimator(LARGE_K).logLikelihoods(copies(1), new SplittableRandom(3));
        for (int i = 0; i < POINTS; i++) {
            double chiSquare = model.chiSquare(points[i]);
            double spread = Math.sqrt(chiSquare / LARGE_K);
            double bias = chiSquare / (2 * LARGE_K);
            System.out.printf("IwaeLinearGaussianTest x%d: K = %d estimate %.5f, log p(x) %.5f, error %+.5f "
                    + "(chi^2 %.3f: expected spread %.5f, bias %.6f)%n", i, LARGE_K, estimates[i], truth[i],
                    estimates[i] - truth[i], chiSquare, spread, bias);
            assertTrue(5 * spread + bias < TOLERANCE, "the tolerance is five standard deviations, x" + i);
            assertEquals(truth[i], estimates[i], TOLERANCE, "x" + i);
        }
    }

    private static ImportanceSampling estimator(int samples) {
        return ImportanceSampling.of(model.graph, model.parts, samples, 100, 500);
    }

    /** The six points, each repeated {@code copies} times, point-major: example {@code i * copies + c} is point i. */
    private static DataSplit copies(int copies) {
        int width = IwaeLinearGaussianModel.WIDTH;
        float[] values = new float[POINTS * copies * width];
        for (int i = 0; i < POINTS; i++) {
            for (int c = 0; c < copies; c++) {
                for (int d = 0; d < width; d++) {
                    values[(i * copies + c) * width + d] = (float) points[i][d];
                }
            }
        }
        return new DataSplit(values, null, width);
    }

    /** The mean of a block of values and its standard error. */
    private record MeanAndError(double mean, double standardError) {

        /** Over point {@code point}'s block of {@link #COPIES} values, or over all values when it is -1. */
        static MeanAndError of(double[] values, int point) {
            int from = point < 0 ? 0 : point * COPIES;
            int n = point < 0 ? values.length : COPIES;
            double sum = 0;
            double sumOfSquares = 0;
            for (int e = from; e < from + n; e++) {
                sum += values[e];
                sumOfSquares += values[e] * values[e];
            }
            double mean = sum / n;
            double variance = (sumOfSquares - n * mean * mean) / (n - 1);
            return new MeanAndError(mean, Math.sqrt(variance / n));
        }
    }
}
