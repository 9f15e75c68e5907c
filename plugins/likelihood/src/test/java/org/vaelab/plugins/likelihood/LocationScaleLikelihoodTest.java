package org.vaelab.plugins.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * Proves that the {@code gaussian} and {@code laplace} likelihoods, with a fixed, one learned and a
 * per-value learned spread, compute the textbook log-densities worked out by hand in double
 * precision, normalising constants included; that each integrates to 1 over a grid; that
 * SameDiff's gradients in the locations, the raw spreads and the learned scalar match central
 * finite differences; that raw spreads up to the largest floats stay finite and inside the soft
 * clamp; that the mean is the location, unclipped; and that a Gaussian with
 * {@code sigma = 1/sqrt(2)} is the sum of squared errors plus {@code (D/2) log(pi)}.
 */
class LocationScaleLikelihoodTest {

    /** The two families as configured with their default bounds, with their textbook densities. */
    enum Family {
        GAUSSIAN(-9, 4, "likelihood/log_variance") {
            @Override
            Likelihood create(ScaleMode mode, double spread) {
                return LocationScaleLikelihood.gaussian(new GaussianConfig(mode, spread, min, max));
            }

            /** log N(x; mu, s^2) with {@code s^2 = exp(v)}. */
            @Override
            double logDensity(double x, double mu, double v) {
                double variance = Math.exp(v);
                return -0.5 * Math.log(2 * Math.PI * variance) - (x - mu) * (x - mu) / (2 * variance);
            }

            @Override
            double logSpread(double sigma) {
                return Math.log(sigma * sigma);
            }

            @Override
            double logSpreadAtTheLocation(double logDensity) {
                return -2 * logDensity - Math.log(2 * Math.PI);
            }
        },
        LAPLACE(-4.5, 2, "likelihood/log_scale") {
            @Override
            Likelihood create(ScaleMode mode, double spread) {
                return LocationScaleLikelihood.laplace(new LaplaceConfig(mode, spread, min, max));
            }

            /** {@code log((2b)^-1 exp(-|x - mu| / b))} with {@code b = exp(v)}. */
            @Override
            double logDensity(double x, double mu, double v) {
                double b = Math.exp(v);
                return -Math.log(2 * b) - Math.abs(x - mu) / b;
            }

            @Override
            double logSpread(double b) {
                return Math.log(b);
            }

            @Override
            double logSpreadAtTheLocation(double logDensity) {
                return -logDensity - Math.log(2);
            }
        };

        final double min;
        final double max;
        final String scalarName;

        Family(double min, double max, String scalarName) {
            this.min = min;
            this.max = max;
            this.scalarName = scalarName;
        }

        abstract Likelihood create(ScaleMode mode, double spread);

        abstract double logDensity(double x, double mu, double v);

        /** The configured spread (sigma or b) as the log-spread v. */
        abstract double logSpread(double spread);

        /** v from the log-density at {@code x = mu}. */
        abstract double logSpreadAtTheLocation(double logDensity);

        /**
         * The documented soft clamp {@code min + softplus(m - softplus(m - raw) - min)} with
         * {@code m = min + log(expm1(max - min))}.
         */
        double clamp(double raw) {
            double m = min + Math.log(Math.expm1(max - min));
            return min + softplus(m - softplus(m - raw) - min);
        }
    }

    private static final double FIXED_SPREAD = 0.7;
    private static final double SCALAR_RAW = 0.4;
    private static final double[][] X = {{0.3, -1.2, 2.5}, {0, 0.5, 1}};
    private static final double[][] MU = {{0.1, -1.0, 4.0}, {0, 0.9, -0.5}};
    /** Raw log-spreads, in the clamp's middle and beyond both of its ends. */
    private static final double[][] RAW = {{-0.7, 0, 1.3}, {-12, 3.5, 8}};
    private static final double[] ROW_WEIGHTS = {3, -2};

    static double softplus(double t) {
        return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    static Stream<Arguments> everyFamilyAndMode() {
        return Arrays.stream(Family.values())
                .flatMap(family -> Arrays.stream(ScaleMode.values()).map(mode -> Arguments.of(family, mode)));
    }

    static Stream<Arguments> everyFamilyModeAndType() {
        return everyFamilyAndMode().flatMap(arguments -> Stream.of(DataType.FLOAT, DataType.DOUBLE)
                .map(type -> Arguments.of(arguments.get()[0], arguments.get()[1], type)));
    }

    /** The decoder outputs of {@code mode}: the locations, then the raw log-spreads if the decoder gives them. */
    private static double[][] params(ScaleMode mode, double[][] mu, double[][] raw) {
        if (mode != ScaleMode.LEARNED_PER_DIM) {
            return mu;
        }
        double[][] params = new double[mu.length][];
        for (int row = 0; row < mu.length; row++) {
            params[row] = new double[2 * mu[row].length];
            System.arraycopy(mu[row], 0, params[row], 0, mu[row].length);
            System.arraycopy(raw[row], 0, params[row], mu[row].length, raw[row].length);
        }
        return params;
    }

    /** A graph of {@code family} in {@code mode}, with the learned scalar, if any, at {@link #SCALAR_RAW}. */
    private static LikelihoodGraph graph(Family family, ScaleMode mode, DataType type, double[][] mu, double[][] raw) {
        LikelihoodGraph graph = new LikelihoodGraph(family.create(mode, FIXED_SPREAD), type, params(mode, mu, raw));
        if (mode == ScaleMode.LEARNED_SCALAR) {
            graph.assign(family.scalarName, SCALAR_RAW);
        }
        return graph;
    }

    /** The log-spread the hand computation uses for value {@code [row, i]}. */
    private static double logSpread(Family family, ScaleMode mode, double[][] raw, int row, int i) {
        return switch (mode) {
            case FIXED -> family.logSpread(FIXED_SPREAD);
            case LEARNED_SCALAR -> family.clamp(SCALAR_RAW);
            case LEARNED_PER_DIM -> family.clamp(raw[row][i]);
        };
    }

    @ParameterizedTest
    @MethodSource("everyFamilyModeAndType")
    void logProbabilityEqualsTheHandComputedSum(Family family, ScaleMode mode, DataType type) {
        double[] logP = graph(family, mode, type, MU, RAW).logProbability(X);

        assertEquals(X.length, logP.length);
        double unit = type == DataType.FLOAT ? 1e-6 : 1e-14;
        for (int row = 0; row < X.length; row++) {
            double expected = 0;
            double magnitude = 0;
            for (int i = 0; i < X[row].length; i++) {
                double term = family.logDensity(X[row][i], MU[row][i], logSpread(family, mode, RAW, row, i));
                expected += term;
                magnitude += Math.abs(term) + 10;
            }
            assertEquals(expected, logP[row], unit * magnitude, family + " " + mode + " row " + row);
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void theClampReachesItsBoundsAndIsNearTheIdentityInBetween(Family family) {
        assertEquals(family.min, family.clamp(family.min - 30), 1e-12);
        assertEquals(family.max, family.clamp(family.max + 30), 1e-12);
        for (double raw = family.min + 3; raw <= family.max - 3; raw += 0.25) {
            assertEquals(raw, family.clamp(raw), 0.05, "3 or more from both bounds");
        }
        assertEquals(-0.018, Family.GAUSSIAN.clamp(0), 5e-4, "the documented value at 0");
    }

    /** Simpson's rule over a grid of {@code 4000} intervals, the location a grid point, out to 40 spreads. */
    @ParameterizedTest
    @MethodSource("everyFamilyAndMode")
    void eachDensityIntegratesToOne(Family family, ScaleMode mode) {
        double mu = 0.25;
        double raw = -1.5;
        double v = logSpread(family, mode, new double[][] {{raw}}, 0, 0);
        double spread = family == Family.GAUSSIAN ? Math.exp(v / 2) : Math.exp(v);
        int intervals = 4000;
        double half = 40 * spread;
        double step = 2 * half / intervals;
        double[][] x = new double[intervals + 1][1];
        double[][] mus = new double[intervals + 1][1];
        double[][] raws = new double[intervals + 1][1];
        for (int k = 0; k <= intervals; k++) {
            x[k][0] = mu - half + k * step;
            mus[k][0] = mu;
            raws[k][0] = raw;
        }
        double[] logP = graph(family, mode, DataType.DOUBLE, mus, raws).logProbability(x);

        double integral = 0;
        for (int k = 0; k <= intervals; k++) {
            double weight = k == 0 || k == intervals ? 1 : k % 2 == 1 ? 4 : 2;
            integral += weight * Math.exp(logP[k]);
        }
        integral *= step / 3;
        assertEquals(1, integral, 1e-9, family + " " + mode + " with spread " + spread);
    }

    @ParameterizedTest
    @MethodSource("everyFamilyAndMode")
    void gradientsMatchFiniteDifferences(Family family, ScaleMode mode) {
        LikelihoodGraph graph = graph(family, mode, DataType.DOUBLE, MU, RAW);
        assertClose(graph.finiteDifference("params", X, ROW_WEIGHTS, 1e-6), graph.gradient("params", X, ROW_WEIGHTS),
                family + " " + mode + ": d loss / d params");
        if (mode == ScaleMode.LEARNED_SCALAR) {
            INDArray gradient = graph.gradient(family.scalarName, X, ROW_WEIGHTS);
            assertClose(graph.finiteDifference(family.scalarName, X, ROW_WEIGHTS, 1e-6), gradient,
                    family + ": d loss / d " + family.scalarName);
            assertTrue(Math.abs(gradient.getDouble(0)) > 0.1, "the scalar's gradient is not vacuous");
        }
    }

    @Test
    void gaussianGradientInTheMeanIsTheScaledResidual() {
        LikelihoodGraph graph = graph(Family.GAUSSIAN, ScaleMode.FIXED, DataType.DOUBLE, MU, RAW);
        INDArray gradient = graph.gradient("params", X, ROW_WEIGHTS);
        for (int row = 0; row < X.length; row++) {
            for (int i = 0; i < X[row].length; i++) {
                double expected = ROW_WEIGHTS[row] * (X[row][i] - MU[row][i]) / (FIXED_SPREAD * FIXED_SPREAD);
                assertEquals(expected, gradient.getDouble(row, i), 1e-12,
                        "w (x - mu) / sigma^2 at [" + row + ", " + i + "]");
            }
        }
    }

    /**
     * Raw spreads out to the largest floats: the log-density is finite, its log-spread inside the
     * clamp, its gradient finite.
     */
    @ParameterizedTest
    @EnumSource(Family.class)
    void extremeRawSpreadsStayFiniteAndClamped(Family family) {
        double[] extremes = {-3e38, -1e30, -1e4, -50, 50, 1e4, 1e30, 3e38};
        double[][] mu = new double[extremes.length][];
        double[][] raw = new double[extremes.length][];
        double[][] x = new double[extremes.length][];
        for (int k = 0; k < extremes.length; k++) {
            mu[k] = new double[] {0.5, 0.5};
            raw[k] = new double[] {extremes[k], extremes[k]};
            x[k] = new double[] {0.5, 0.25};
        }
        double[] weights = new double[extremes.length];
        Arrays.fill(weights, 1);

        LikelihoodGraph perValue = graph(family, ScaleMode.LEARNED_PER_DIM, DataType.FLOAT, mu, raw);
        double[] logP = perValue.logProbability(x);
        double[] atTheLocation = graph(family, ScaleMode.LEARNED_PER_DIM, DataType.FLOAT,
                column(mu), column(raw)).logProbability(column(x));
        for (int k = 0; k < extremes.length; k++) {
            assertTrue(Double.isFinite(logP[k]), "log p at raw " + extremes[k] + ": " + logP[k]);
            double v = family.logSpreadAtTheLocation(atTheLocation[k]);
            assertTrue(v >= family.min - 1e-5 && v <= family.max + 1e-5,
                    "log-spread " + v + " at raw " + extremes[k]);
        }
        assertEquals(family.min, family.logSpreadAtTheLocation(atTheLocation[0]), 1e-5, "the floor");
        assertEquals(family.max, family.logSpreadAtTheLocation(atTheLocation[extremes.length - 1]), 1e-5,
                "the ceiling");
        INDArray gradient = perValue.gradient("params", x, weights);
        assertTrue(Arrays.stream(gradient.data().asDouble()).allMatch(Double::isFinite),
                "finite gradients: " + gradient);

        for (double extreme : new double[] {-3e38, 3e38}) {
            LikelihoodGraph scalar = graph(family, ScaleMode.LEARNED_SCALAR, DataType.FLOAT, mu, raw);
            scalar.assign(family.scalarName, extreme);
            assertTrue(Arrays.stream(scalar.logProbability(x)).allMatch(Double::isFinite), "scalar at " + extreme);
            assertTrue(Double.isFinite(scalar.gradient(family.scalarName, x, weights).getDouble(0)),
                    "scalar gradient at " + extreme);
        }
    }

    @ParameterizedTest
    @MethodSource("everyFamilyAndMode")
    void meanIsTheLocationUnclipped(Family family, ScaleMode mode) {
        double[][] mu = {{1e3, -7.5, 0.25}, {-1e-3, 2, 1.5}};
        double[][] mean = graph(family, mode, DataType.DOUBLE, mu, RAW).mean();
        for (int row = 0; row < mu.length; row++) {
            assertEquals(Arrays.toString(mu[row]), Arrays.toString(mean[row]), family + " " + mode);
        }
        assertEquals(mode == ScaleMode.LEARNED_PER_DIM ? 2 : 1, family.create(mode, 1).parametersPerValue());
    }

    /** {@code sigma = 1/sqrt(2)}: {@code -log p = sum (x - mu)^2 + (D/2) log(pi)}, 448.7341 nats for D = 784. */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void gaussianWithSigmaOneOverRootTwoIsTheSumOfSquaresPlusAConstant(DataType type) {
        int values = 784;
        Random random = new Random(7);
        double[][] x = new double[2][values];
        double[][] mu = new double[2][values];
        for (int row = 0; row < 2; row++) {
            for (int i = 0; i < values; i++) {
                x[row][i] = random.nextDouble();
                mu[row][i] = 2 * random.nextDouble() - 0.5;
            }
        }
        Likelihood gaussian = Family.GAUSSIAN.create(ScaleMode.FIXED, Math.sqrt(0.5));
        double[] logP = new LikelihoodGraph(gaussian, type, mu).logProbability(x);

        double constant = values / 2.0 * Math.log(Math.PI);
        assertEquals(448.73411525296484, constant, 1e-12);
        for (int row = 0; row < 2; row++) {
            double squares = 0;
            for (int i = 0; i < values; i++) {
                squares += (x[row][i] - mu[row][i]) * (x[row][i] - mu[row][i]);
            }
            assertEquals(squares + constant, -logP[row], type == DataType.FLOAT ? 2e-3 : 1e-10, "row " + row);
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void theLearnedScalarIsOneTrainableVariableSharedByEveryCall(Family family) {
        Likelihood likelihood = family.create(ScaleMode.LEARNED_SCALAR, 1);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        SDVariable params = sd.placeHolder("params", DataType.FLOAT, -1, 3);
        likelihood.logProbability(sd, x, params);
        likelihood.logProbability(sd, x, params);
        List<String> trainable = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
        assertEquals(List.of(family.scalarName), trainable);
        assertEquals(0, sd.getVariable(family.scalarName).getArr().getDouble(0), "starts at 0");
    }

    @Test
    void boundsMustBeOrdered() {
        InvalidConfigException gaussian = assertThrows(InvalidConfigException.class,
                () -> new GaussianConfig(ScaleMode.LEARNED_PER_DIM, 1, 4, 4));
        assertEquals("max_log_variance", gaussian.key());
        assertEquals("max_log_variance (4.0) must be greater than min_log_variance (4.0)", gaussian.getMessage());
        InvalidConfigException laplace = assertThrows(InvalidConfigException.class,
                () -> new LaplaceConfig(ScaleMode.LEARNED_SCALAR, 1, 2, -4.5));
        assertEquals("max_log_scale", laplace.key());
    }

    /** Each row of {@code values} cut to its first value. */
    private static double[][] column(double[][] values) {
        return Arrays.stream(values).map(row -> new double[] {row[0]}).toArray(double[][]::new);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()), what);
        for (long i = 0; i < expected.length(); i++) {
            double e = expected.getDouble(i);
            assertEquals(e, actual.getDouble(i), 1e-6 * (1 + Math.abs(e)), what + " at " + i);
        }
    }
}
