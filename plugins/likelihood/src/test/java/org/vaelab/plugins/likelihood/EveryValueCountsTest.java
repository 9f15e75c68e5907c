package org.vaelab.plugins.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.testkit.DocumentedDefaults;

/**
 * Every likelihood models each value of an example on its own, whatever channel it is in: for a
 * 3-channel 2 x 2 image (the 12 values of {@code [C, H, W]}, channels first), log p(x) is the sum
 * of the log-probabilities of its 12 values each taken alone with its own parameters (parameter
 * block p at columns {@code p * D + i}), so colour images get one distribution per channel value
 * and their log-likelihood sums over all {@code C * H * W} values.
 */
class EveryValueCountsTest {

    private static final int VALUES = 3 * 2 * 2;

    static Stream<Arguments> likelihoods() throws ReflectiveOperationException {
        return Stream.of(
                Arguments.of("bernoulli", new BernoulliLikelihood()),
                Arguments.of("continuous_bernoulli", new ContinuousBernoulliLikelihood()),
                Arguments.of("gaussian, fixed sigma", LocationScaleLikelihood.gaussian(
                        DocumentedDefaults.of(GaussianConfig.class, Map.of("sigmaValue", 0.3)))),
                Arguments.of("gaussian, sigma per value", LocationScaleLikelihood.gaussian(
                        DocumentedDefaults.of(GaussianConfig.class, Map.of("sigma", ScaleMode.LEARNED_PER_DIM)))),
                Arguments.of("laplace, scale per value", LocationScaleLikelihood.laplace(
                        DocumentedDefaults.of(LaplaceConfig.class, Map.of("scale", ScaleMode.LEARNED_PER_DIM)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("likelihoods")
    void logProbabilityOfAColourImageIsTheSumOverEveryValue(String name, Likelihood likelihood) {
        SplittableRandom random = new SplittableRandom(21);
        int perValue = likelihood.parametersPerValue();
        double[][] x = new double[1][VALUES];
        double[][] params = new double[1][perValue * VALUES];
        for (int i = 0; i < VALUES; i++) {
            x[0][i] = random.nextDouble();
        }
        for (int j = 0; j < params[0].length; j++) {
            params[0][j] = random.nextDouble(-1.5, 1.5);
        }
        double whole = new LikelihoodGraph(likelihood, DataType.DOUBLE, params).logProbability(x)[0];

        double sum = 0;
        for (int i = 0; i < VALUES; i++) {
            double[][] own = new double[1][perValue];
            for (int p = 0; p < perValue; p++) {
                own[0][p] = params[0][p * VALUES + i];
            }
            sum += new LikelihoodGraph(likelihood, DataType.DOUBLE, own).logProbability(new double[][] {{x[0][i]}})[0];
        }
        assertEquals(sum, whole, 1e-9 * (1 + Math.abs(sum)), name);
    }
}
