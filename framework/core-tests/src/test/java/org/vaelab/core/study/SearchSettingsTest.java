package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.vaelab.core.spec.Location;
import org.vaelab.core.spec.SpecNode.ScalarNode;
import org.vaelab.core.study.SearchSettings.Method;

/**
 * The points a search draws: the Sobol sequence against Joe and Kuo's published direction numbers,
 * and the distributions of the space's values, tested statistically with fixed seeds (so each test
 * gives the same answer on every run).
 */
class SearchSettingsTest {

    private static final Location AT = new Location(1, 1, null);
    /** The points of the statistical tests. */
    private static final int DRAWS = 4000;
    /** The least p-value a right distribution passes the chi-square test with. */
    private static final double ALPHA = 1e-3;
    /**
     * The Kolmogorov-Smirnov statistic a right distribution stays below at level 1e-3: the asymptotic
     * critical value sqrt(-ln(alpha / 2) / 2) / sqrt(n) (Smirnov 1948), which a Sobol sequence, far more
     * even than random draws, also passes.
     */
    private static final double KS_CRITICAL = Math.sqrt(-Math.log(ALPHA / 2) / 2) / Math.sqrt(DRAWS);

    /**
     * Lines 2 to 5 of Joe and Kuo's {@code new-joe-kuo-6.21201} (2008): dimension, degree s of the
     * primitive polynomial, its coefficients a, and the initial direction numbers m_1..m_s.
     */
    private static final int[][] JOE_KUO = {{2, 1, 0, 1}, {3, 2, 1, 1, 3}, {4, 3, 1, 1, 3, 1}, {5, 3, 2, 1, 1, 1}};

    @Test
    void sobolPointsAreThoseOfJoeAndKuosDirectionNumbersInGrayCodeOrder() {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(5);
        double[][] expected = reference(5, 64);
        for (int n = 0; n < 64; n++) {
            assertArrayEquals(expected[n], sobol.nextVector(), 0.0, "point " + n);
        }
        // the first points in two dimensions, as tabulated by Bratley and Fox (1988)
        double[][] first = {{0, 0}, {0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}, {0.375, 0.375}, {0.875, 0.875}};
        for (int n = 0; n < first.length; n++) {
            assertArrayEquals(first[n], Arrays.copyOf(expected[n], 2), 0.0, "point " + n);
        }
    }

    @Test
    void aSobolSearchIsTheSequenceShiftedModuloOneByItsSeed() {
        double[][] expected = reference(5, 32);
        double[][] one = new SearchSettings(Method.SOBOL, 32, 1).points(5);
        double[][] two = new SearchSettings(Method.SOBOL, 32, 2).points(5);
        for (int d = 0; d < 5; d++) {
            double shift = one[0][d];
            assertTrue(shift != two[0][d], "another seed, another shift");
            for (int n = 0; n < 32; n++) {
                assertEquals(0.0, circularDistance(one[n][d], expected[n][d] + shift), 1e-12, "point " + n);
            }
        }
        assertArrayEquals(one[5], new SearchSettings(Method.SOBOL, 6, 1).points(5)[5], 0.0,
                "a prefix of any longer one");
    }

    @Test
    void aSobolSearchCoversEachCoordinateEvenly() {
        // 2^k points of a (shifted) Sobol sequence put exactly one point in each of 2^k equal intervals
        double[][] points = new SearchSettings(Method.SOBOL, 64, 7).points(3);
        for (int d = 0; d < 3; d++) {
            int[] cells = new int[64];
            for (double[] point : points) {
                cells[(int) (point[d] * 64)]++;
            }
            int[] once = new int[64];
            Arrays.fill(once, 1);
            assertArrayEquals(once, cells, "dimension " + d);
        }
    }

    @Test
    void uniformValuesFillTheirRangeUniformly() {
        SpaceTemplate uniform = new SpaceTemplate.Uniform(AT, -2, 6);
        double[] values = draws(uniform, Method.RANDOM);
        assertTrue(Arrays.stream(values).allMatch(v -> v >= -2 && v <= 6));
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(new UniformRealDistribution(-2, 6), values)
                < KS_CRITICAL);
    }

    @Test
    void logUniformValuesHaveUniformLogarithmsAndEqualDecades() {
        SpaceTemplate logUniform = new SpaceTemplate.LogUniform(AT, 1e-5, 1e-1);
        for (Method method : Method.values()) {
            double[] values = draws(logUniform, method);
            assertTrue(Arrays.stream(values).allMatch(v -> v >= 1e-5 && v <= 1e-1), method.toString());
            double[] logs = Arrays.stream(values).map(Math::log10).toArray();
            KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
            assertTrue(ks.kolmogorovSmirnovStatistic(new UniformRealDistribution(-5, -1), logs) < KS_CRITICAL,
                    method.toString());
            // the values themselves are far from uniform: three quarters of them lie below 0.01, a tenth of the range
            assertTrue(ks.kolmogorovSmirnovStatistic(new UniformRealDistribution(1e-5, 1e-1), values) > 0.6,
                    method.toString());
            long[] decades = new long[4];
            Arrays.stream(logs).forEach(log -> decades[Math.max(0, Math.min(3, (int) Math.floor(log + 5)))]++);
            assertTrue(new ChiSquareTest().chiSquareTest(new double[] {1, 1, 1, 1}, decades) > ALPHA,
                    Arrays.toString(decades));
        }
    }

    @Test
    void wholeNumbersAndChoicesAreEquallyLikelyEndsIncluded() {
        double[] numbers = draws(new SpaceTemplate.IntRange(AT, 2, 6), Method.RANDOM);
        long[] counts = new long[5];
        Arrays.stream(numbers).forEach(n -> counts[(int) n - 2]++);
        assertTrue(new ChiSquareTest().chiSquareTest(new double[] {1, 1, 1, 1, 1}, counts) > ALPHA,
                Arrays.toString(counts));
        SpaceTemplate choice = new SpaceTemplate.Choice(List.of(
                new SpaceTemplate.Constant(SpaceTemplate.real(AT, 10)), new SpaceTemplate.Uniform(AT, 0, 1)));
        double[] chosen = draws(choice, Method.SOBOL);
        long tens = Arrays.stream(chosen).filter(v -> v == 10).count();
        assertEquals(DRAWS / 2, tens, 10, "a Sobol choice of two splits its points in halves, far closer than"
                + " random draws would (their standard deviation: 32)");
        assertTrue(Arrays.stream(chosen).filter(v -> v != 10).allMatch(v -> v >= 0 && v <= 1));
    }

    @Test
    void drawnRealsKeepFourSignificantDigitsAsYamlFloats() {
        assertEquals("0.0003457", SpaceTemplate.real(AT, 3.45678e-4).text());
        assertEquals("2.0", SpaceTemplate.real(AT, 2.0000001).text());
        assertEquals("12350.0", SpaceTemplate.real(AT, 12345.6).text());
    }

    /** The values of {@code template} at {@link #DRAWS} points of {@code method}, seed 11. */
    private static double[] draws(SpaceTemplate template, Method method) {
        return Arrays.stream(new SearchSettings(method, DRAWS, 11).points(template.dimensions()))
                .mapToDouble(point -> Double.parseDouble(((ScalarNode) template.draw(point, 0)).text()))
                .toArray();
    }

    /**
     * The Sobol sequence computed from {@link #JOE_KUO} as Bratley and Fox (1988) define it: direction
     * numbers m_k = 2a_1 m_{k-1} ^ 4a_2 m_{k-2} ^ ... ^ 2^s m_{k-s} ^ m_{k-s}, v_k = m_k / 2^k, and
     * point n the exclusive or of the v_k of the bits of n's Gray code n ^ (n >> 1).
     */
    private static double[][] reference(int dimensions, int count) {
        int bits = 31;
        long[][] v = new long[dimensions][bits + 1];
        for (int k = 1; k <= bits; k++) {
            v[0][k] = 1L << (bits - k);
        }
        for (int d = 1; d < dimensions; d++) {
            int[] line = JOE_KUO[d - 1];
            int s = line[1];
            int a = line[2];
            long[] m = new long[bits + 1];
            for (int k = 1; k <= s; k++) {
                m[k] = line[2 + k];
            }
            for (int k = s + 1; k <= bits; k++) {
                m[k] = m[k - s] ^ (m[k - s] << s);
                for (int j = 1; j < s; j++) {
                    m[k] ^= ((a >> (s - 1 - j)) & 1) * (m[k - j] << j);
                }
            }
            for (int k = 1; k <= bits; k++) {
                v[d][k] = m[k] << (bits - k);
            }
        }
        double[][] points = new double[count][dimensions];
        for (int n = 0; n < count; n++) {
            int gray = n ^ (n >> 1);
            for (int d = 0; d < dimensions; d++) {
                long x = 0;
                for (int k = 1; k <= bits; k++) {
                    if ((gray >> (k - 1) & 1) == 1) {
                        x ^= v[d][k];
                    }
                }
                points[n][d] = x / (double) (1L << bits);
            }
        }
        return points;
    }

    private static double circularDistance(double a, double b) {
        double difference = Math.abs(a - b) % 1.0;
        return Math.min(difference, 1 - difference);
    }
}
