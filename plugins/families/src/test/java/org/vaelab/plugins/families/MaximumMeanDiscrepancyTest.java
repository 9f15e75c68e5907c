package org.vaelab.plugins.families;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MMD estimate of Tolstikhin et al. 2018, Algorithm 2, against hand computations: for codes
 * {0, 1} and prior draws {0, 2} in one dimension it is {@code (e^-2 - 1) / 2} with the Gaussian
 * kernel {@code exp(-D / 2)} and {@code sum_s s / (2s + 4) - 1/2} with the inverse multiquadratics
 * kernels {@code 2s / (2s + D)}; for random points in three dimensions it equals the estimator's
 * double sums written out; and a batch of one has only the cross term.
 */
class MaximumMeanDiscrepancyTest {

    @Test
    void twoPointsInOneDimensionGiveTheHandComputedValues() {
        double[][] codes = {{0}, {1}};
        double[][] prior = {{0}, {2}};
        // within the prior draws e^-2, within the codes e^-1/2, across (1 + e^-2 + 2 e^-1/2) / 2
        assertEquals((Math.exp(-2) - 1) / 2, mmd(codes, prior, MmdKernel.GAUSSIAN), 1e-12);
        double expected = 0;
        for (double s : MmdKernel.SCALES) {
            // k(D) = 2s / (2s + D): within f(4) + f(1), across (f(0) + f(4) + 2 f(1)) / 2
            expected += s / (2 * s + 4) - 0.5;
        }
        assertEquals(expected, mmd(codes, prior, MmdKernel.INVERSE_MULTIQUADRATIC), 1e-12);
    }

    @Test
    void itIsTheEstimatorsDoubleSumsWrittenOut() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] codes = points(random, 5, 3);
        double[][] prior = points(random, 5, 3);
        for (MmdKernel kernel : MmdKernel.values()) {
            assertEquals(doubleSums(codes, prior, kernel), mmd(codes, prior, kernel), 1e-12, kernel.name());
        }
        double[][] one = {codes[0]};
        double[][] onePrior = {prior[0]};
        assertEquals(-2 * kernel(codes[0], prior[0], MmdKernel.INVERSE_MULTIQUADRATIC),
                mmd(one, onePrior, MmdKernel.INVERSE_MULTIQUADRATIC), 1e-12, "a batch of one: the cross term only");
    }

    private static double mmd(double[][] codes, double[][] prior, MmdKernel kernel) {
        SameDiff sd = SameDiff.create();
        return MaximumMeanDiscrepancy.of(sd, sd.constant(Nd4j.create(codes).castTo(DataType.DOUBLE)),
                sd.constant(Nd4j.create(prior).castTo(DataType.DOUBLE)), kernel).eval().getDouble(0);
    }

    /** Algorithm 2's three sums, term by term. */
    private static double doubleSums(double[][] codes, double[][] prior, MmdKernel kernel) {
        int n = codes.length;
        double withinPrior = 0;
        double withinCodes = 0;
        double across = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    withinPrior += kernel(prior[i], prior[j], kernel);
                    withinCodes += kernel(codes[i], codes[j], kernel);
                }
                across += kernel(codes[i], prior[j], kernel);
            }
        }
        return (withinPrior + withinCodes) / (n * (n - 1.0)) - 2 * across / ((double) n * n);
    }

    /** The kernels of Tolstikhin et al. (C = 2 d, summed over scales) and Zhao et al. (2 sigma^2 = 2 d). */
    private static double kernel(double[] a, double[] b, MmdKernel kernel) {
        double squared = 0;
        for (int j = 0; j < a.length; j++) {
            squared += (a[j] - b[j]) * (a[j] - b[j]);
        }
        if (kernel == MmdKernel.GAUSSIAN) {
            return Math.exp(-squared / (2.0 * a.length));
        }
        double sum = 0;
        for (double s : MmdKernel.SCALES) {
            double c = 2.0 * a.length * s;
            sum += c / (c + squared);
        }
        return sum;
    }

    private static double[][] points(SplittableRandom random, int n, int d) {
        double[][] points = new double[n][d];
        for (double[] point : points) {
            for (int j = 0; j < d; j++) {
                point[j] = 2 * random.nextGaussian();
            }
        }
        return points;
    }
}
