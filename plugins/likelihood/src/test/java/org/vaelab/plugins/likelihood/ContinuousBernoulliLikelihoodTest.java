package org.vaelab.plugins.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * Proves that the continuous Bernoulli's graph computes the normalised density
 * {@code p(x|l) = exp(l x) / integral_0^1 exp(l t) dt} worked out by hand in double precision,
 * for logits from 0 through both sides of the series thresholds out to the largest floats; that
 * it agrees with Loaiza-Ganem and Cunningham's formula in lambda; that it integrates to 1 over
 * [0, 1] and its mean is that of the density, inside [0, 1]; and that its gradient is the
 * exponential-family {@code x - E[x]}, matching finite differences.
 */
class ContinuousBernoulliLikelihoodTest {

    private static final Likelihood CONTINUOUS_BERNOULLI = new ContinuousBernoulliLikelihood();

    /** Logits at 0, tiny, on both sides of the series thresholds (0.06 in double, 0.5 in float), large and huge. */
    private static final double[] LOGITS = {0, 1e-7, -5e-4, 0.0599, -0.0601, 0.3, -0.4999, 0.5001, -1, 2.5, -7, 15, -30,
        60, -100, 500, -1e4};

    /** {@code log integral_0^1 exp(l t) dt = log(expm1(l) / l)}, never overflowing, 0 at l = 0. */
    static double logPartition(double l) {
        if (l == 0) {
            return 0;
        }
        return l > 0 ? l + Math.log(-Math.expm1(-l) / l) : Math.log(Math.expm1(l) / l);
    }

    /**
     * {@code d/dl logPartition = 1/(1 - exp(-l)) - 1/l}, below 0.01 by its series
     * {@code 1/2 + l/12 - l^3/720 + l^5/30240} (truncation under 1e-20; above, rounding under 2e-14).
     */
    static double mean(double l) {
        if (Math.abs(l) < 1e-2) {
            double square = l * l;
            return 0.5 + l * (1.0 / 12 + square * (-1.0 / 720 + square / 30240));
        }
        return l > 0 ? 1 / -Math.expm1(-l) - 1 / l : Math.exp(l) / Math.expm1(l) - 1 / l;
    }

    private static double[][] row(double... values) {
        return new double[][] {values};
    }

    /** Every (x, l) pair as an example of one value, then each x with all logits as an example of many. */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void logProbabilityEqualsTheHandComputedDensity(DataType type) {
        double[] grid = {0, 0.2, 0.5, 0.73, 1};
        double[] logits = Arrays.stream(LOGITS).map(l -> type == DataType.FLOAT ? (float) l : l).toArray();
        double unit = type == DataType.FLOAT ? 1e-6 : 1e-14;
        double[][] pairLogits = new double[grid.length * logits.length][];
        double[][] pairX = new double[grid.length * logits.length][];
        double[][] x = new double[grid.length][logits.length];
        for (int row = 0; row < grid.length; row++) {
            Arrays.fill(x[row], grid[row]);
            for (int i = 0; i < logits.length; i++) {
                pairLogits[row * logits.length + i] = new double[] {logits[i]};
                pairX[row * logits.length + i] = new double[] {grid[row]};
            }
        }
        double[] single = new LikelihoodGraph(CONTINUOUS_BERNOULLI, type, pairLogits).logProbability(pairX);
        double[] summed = new LikelihoodGraph(CONTINUOUS_BERNOULLI, type, repeat(logits, grid.length))
                .logProbability(x);

        for (int row = 0; row < grid.length; row++) {
            double expectedSum = 0;
            double magnitude = 0;
            for (int i = 0; i < logits.length; i++) {
                double l = logits[i];
                double expected = l * grid[row] - logPartition(l);
                assertEquals(expected, single[row * logits.length + i], unit * (4 + Math.abs(l)),
                        "log p(" + grid[row] + " | l = " + l + ")");
                expectedSum += expected;
                magnitude += 4 + Math.abs(l);
            }
            assertEquals(expectedSum, summed[row], unit * magnitude, "the sum over all logits at x = " + grid[row]);
        }
    }

    /** Their {@code C(lambda) = 2 artanh(1 - 2 lambda) / (1 - 2 lambda)}, in lambda where lambda is exact enough. */
    @Test
    void normaliserMatchesThePapersFormulaInLambda() {
        double[] logits = {-8, -2, -0.3, 0.02, 0.7, 3, 9};
        double[] logP = new LikelihoodGraph(CONTINUOUS_BERNOULLI, DataType.DOUBLE, column(logits))
                .logProbability(column(new double[logits.length]));
        for (int i = 0; i < logits.length; i++) {
            double lambda = 1 / (1 + Math.exp(-logits[i]));
            double t = 1 - 2 * lambda;
            double artanh = 0.5 * Math.log((1 + t) / (1 - t));
            double logC = Math.log(2 * artanh / t);
            // x = 0: log p = log(1 - lambda) + log C
            assertEquals(Math.log1p(-lambda) + logC, logP[i], 1e-11, "l = " + logits[i]);
        }
        assertEquals(0, new LikelihoodGraph(CONTINUOUS_BERNOULLI, DataType.DOUBLE, row(0))
                .logProbability(row(0.3))[0], 1e-15, "log(1/2) + log C(1/2), C(1/2) = 2: the uniform density");
    }

    /** Simpson's rule over 4000 intervals of [0, 1]: the density integrates to 1, and x p(x) to the mean. */
    @ParameterizedTest
    @ValueSource(doubles = {0, 1e-4, -0.06, 0.3, -1, 4, -12, 30, -100})
    void densityIntegratesToOneAndItsFirstMomentIsTheMean(double l) {
        int intervals = 4000;
        double[] grid = new double[intervals + 1];
        for (int k = 0; k <= intervals; k++) {
            grid[k] = (double) k / intervals;
        }
        LikelihoodGraph graph = new LikelihoodGraph(CONTINUOUS_BERNOULLI, DataType.DOUBLE, column(l, grid.length));
        double[] logP = graph.logProbability(column(grid));
        double mass = 0;
        double moment = 0;
        for (int k = 0; k <= intervals; k++) {
            double weight = (k == 0 || k == intervals ? 1 : k % 2 == 1 ? 4 : 2) / (3.0 * intervals);
            mass += weight * Math.exp(logP[k]);
            moment += weight * grid[k] * Math.exp(logP[k]);
        }
        double mean = graph.mean()[0][0];
        assertEquals(1, mass, 1e-8, "integral of p over [0, 1] at l = " + l);
        assertEquals(moment, mean, 1e-8, "mean at l = " + l);
        assertTrue(mean >= 0 && mean <= 1, "mean " + mean);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void meanMatchesTheHandComputedMeanAndStaysInsideTheUnitInterval(DataType type) {
        double[] logits = Arrays.copyOf(LOGITS, LOGITS.length + 4);
        System.arraycopy(new double[] {1e30, -1e30, 3e38, -3e38}, 0, logits, LOGITS.length, 4);
        double[] mean = new LikelihoodGraph(CONTINUOUS_BERNOULLI, type, row(logits)).mean()[0];
        for (int i = 0; i < logits.length; i++) {
            double l = type == DataType.FLOAT ? (float) logits[i] : logits[i];
            assertEquals(mean(l), mean[i], type == DataType.FLOAT ? 2e-6 : 1e-13, "E[x] at l = " + l);
            assertTrue(mean[i] >= 0 && mean[i] <= 1, "E[x] = " + mean[i] + " at l = " + l);
        }
        // the paper's lambda / (2 lambda - 1) + 1 / (2 artanh(1 - 2 lambda)) at lambda = sigmoid(1.5)
        double lambda = 1 / (1 + Math.exp(-1.5));
        double t = 1 - 2 * lambda;
        assertEquals(lambda / (2 * lambda - 1) + 1 / Math.log((1 + t) / (1 - t)), mean(1.5), 1e-14);
    }

    /** {@code d log p / d l = x - E[x]}, the exponential-family identity, and central finite differences. */
    @Test
    void gradientIsXMinusTheMean() {
        double[][] x = {{0.3, 1, 0, 0.5, 0.9, 0.05, 0.6, 1, 0.2}, {0, 0.5, 1, 0.25, 0.75, 0.4, 1, 0, 0.8}};
        double[][] logits = {{0, 2e-4, -8e-4, 0.02, -0.09, 0.3, -2, 20, -50},
            {1e-3, -0.11, 0.059, 5, -12, 0.0012, 70, -0.51, 0.49}};
        double[] weights = {3, -2};
        LikelihoodGraph graph = new LikelihoodGraph(CONTINUOUS_BERNOULLI, DataType.DOUBLE, logits);
        INDArray gradient = graph.gradient("params", x, weights);
        INDArray finite = graph.finiteDifference("params", x, weights, 1e-6);
        for (int row = 0; row < x.length; row++) {
            for (int i = 0; i < x[row].length; i++) {
                double expected = weights[row] * (x[row][i] - mean(logits[row][i]));
                String where = "d loss / d l at [" + row + ", " + i + "], l = " + logits[row][i];
                assertEquals(expected, gradient.getDouble(row, i), 1e-12, where);
                assertEquals(expected, finite.getDouble(row, i), 1e-8, where + " by finite differences");
            }
        }
    }

    @Test
    void hugeLogitsGiveFiniteValuesAndGradients() {
        double[][] logits = {{1e4, -1e4, 1e30, -1e30, 3e38, -3e38}};
        double[][] x = {{1, 0, 0.5, 0.5, 1, 0}};
        LikelihoodGraph graph = new LikelihoodGraph(CONTINUOUS_BERNOULLI, DataType.FLOAT, logits);
        double expected = Math.log(1e4) * 2 + (1e30 * 0.5 - 1e30 + Math.log(1e30)) + (-1e30 * 0.5 + Math.log(1e30))
                + Math.log(3e38) * 2;
        assertEquals(expected, graph.logProbability(x)[0], 1e-6 * Math.abs(expected),
                "l x - log(expm1(l) / l), added up");
        INDArray gradient = graph.gradient("params", x, new double[] {1});
        double[] expectedGradient = {0, 0, -0.5, 0.5, 0, 0};
        for (int i = 0; i < expectedGradient.length; i++) {
            assertEquals(expectedGradient[i], gradient.getDouble(0, i), 1e-4, "x - E[x] at l = " + logits[0][i]);
        }
    }

    @Test
    void refusesDataOutsideTheUnitInterval() {
        assertEquals("continuous_bernoulli needs data in [0, 1]; this dataset's values are REAL",
                CONTINUOUS_BERNOULLI.incompatibility(new DataShape(List.of(3), ValueRange.REAL, 0)).orElseThrow());
        assertTrue(CONTINUOUS_BERNOULLI.incompatibility(DataShape.image(1, 28, 28, ValueRange.UNIT_INTERVAL, 10))
                .isEmpty());
        assertTrue(CONTINUOUS_BERNOULLI.incompatibility(new DataShape(List.of(2), ValueRange.BINARY, 0)).isEmpty());
        assertEquals(1, CONTINUOUS_BERNOULLI.parametersPerValue());
    }

    /** {@code values} as one value per row. */
    private static double[][] column(double[] values) {
        return Arrays.stream(values).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    }

    /** {@code rows} copies of {@code values}. */
    private static double[][] repeat(double[] values, int rows) {
        double[][] repeated = new double[rows][];
        Arrays.fill(repeated, values);
        return repeated;
    }

    /** {@code rows} rows of the one value {@code value}. */
    private static double[][] column(double value, int rows) {
        double[] values = new double[rows];
        Arrays.fill(values, value);
        return column(values);
    }
}
