package org.vaelab.plugins.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * Proves that the Bernoulli likelihood's graph computes {@code sum_i x_i log sigmoid(l_i) +
 * (1 - x_i) log(1 - sigmoid(l_i))} as worked out by hand in double precision, for binary and grey
 * x and logits up to +-100 where a naive {@code log(sigmoid(l))} gives -infinity; that its
 * gradient {@code x - sigmoid(l)} reaches variables through maths done after it; and that its
 * mean is {@code sigmoid(l)}.
 */
class BernoulliLikelihoodTest {

    private static final Likelihood BERNOULLI = new BernoulliLikelihood();

    /** Rows of x: binary with moderate logits, binary with huge ones, grey levels with both. */
    private static final float[][] X = {
            {1, 0, 1, 0, 1, 0},
            {1, 0, 0, 1, 1, 0},
            {0.3f, 0.7f, 0.5f, 0f, 1f, 0.9f},
    };
    private static final float[][] LOGITS = {
            {2.5f, -1.25f, -0.5f, 0.75f, 0.1f, -3f},
            {40, -40, 100, -100, -40, 100},
            {-100, 100, 40, -40, 0.5f, -0.25f},
    };
    /** Per-row factors of the test loss, so rows are told apart. */
    private static final double[] ROW_WEIGHTS = {3, -2, 0.5};

    /** log sigmoid(l), never exponentiating a large positive number. */
    static double logSigmoid(double l) {
        return l >= 0 ? -Math.log1p(Math.exp(-l)) : l - Math.log1p(Math.exp(l));
    }

    /** sigmoid(l), never exponentiating a large positive number. */
    static double sigmoid(double l) {
        return l >= 0 ? 1 / (1 + Math.exp(-l)) : Math.exp(l) / (1 + Math.exp(l));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void logProbabilityEqualsTheHandComputedSum(DataType type) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", type, -1, X[0].length);
        SDVariable logits = sd.placeHolder("logits", type, -1, X[0].length);
        BERNOULLI.logProbability(sd, x, logits).rename("log_p");
        INDArray logP = sd.output(Map.of("x", matrix(X, type), "logits", matrix(LOGITS, type)), "log_p").get("log_p");

        assertEquals(X.length, logP.length());
        // Rounding: a few units in the last place of the magnitudes that are added and cancelled.
        double unit = type == DataType.FLOAT ? 1e-6 : 1e-14;
        for (int row = 0; row < X.length; row++) {
            double expected = 0;
            double magnitude = 0;
            for (int i = 0; i < X[row].length; i++) {
                double xi = X[row][i];
                double li = LOGITS[row][i];
                expected += xi * logSigmoid(li) + (1 - xi) * logSigmoid(-li);
                magnitude += Math.abs(xi * li) + Math.abs(logSigmoid(-li));
            }
            assertEquals(expected, logP.getDouble(row), unit * (1 + magnitude), "row " + row);
        }
        assertEquals(-340.0, logP.getDouble(1), 1e-4, "the huge-logit row: -100 - 100 - 40 - 100 and e^-40 terms");
    }

    @Test
    void gradientIsXMinusSigmoidThroughLaterMaths() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, X[0].length);
        SDVariable logits = sd.var("logits", matrix(LOGITS, DataType.FLOAT));
        SDVariable rowWeights = sd.constant("row_weights", Nd4j.create(ROW_WEIGHTS).castTo(DataType.FLOAT));
        SDVariable logP = BERNOULLI.logProbability(sd, x, logits);
        // loss = 3 * sum_b w_b log p(x_b) + 7: the likelihood is not the last op.
        logP.mul(rowWeights).sum().mul(3.0).add(7.0).rename("loss");
        sd.setLossVariables("loss");

        INDArray gradient = gradients(sd, Map.of("x", matrix(X, DataType.FLOAT)), "logits").get("logits");

        double largest = 0;
        for (int row = 0; row < X.length; row++) {
            for (int i = 0; i < X[row].length; i++) {
                double expected = 3 * ROW_WEIGHTS[row] * (X[row][i] - sigmoid(LOGITS[row][i]));
                largest = Math.max(largest, Math.abs(expected));
                assertEquals(expected, gradient.getDouble(row, i), 1e-5, "d loss / d logit [" + row + ", " + i + "]");
            }
        }
        assertTrue(largest > 1, "the gradient is not vacuous");
    }

    /**
     * At a logit of exactly 0 the gradient must be {@code x - 1/2}; a softplus written
     * {@code relu(l) + log1p(exp(-|l|))} gives {@code x}, since ND4J differentiates relu and abs at
     * 0 as 0, which {@link StableMath#softplus} avoids.
     */
    @Test
    void gradientAtAZeroLogitIsXMinusOneHalf() {
        float[][] x = {{0f, 0.5f, 1f}};
        SameDiff sd = SameDiff.create();
        SDVariable logits = sd.var("logits", Nd4j.zeros(DataType.FLOAT, 1, 3));
        BERNOULLI.logProbability(sd, sd.constant("x", matrix(x, DataType.FLOAT)), logits).sum().rename("loss");
        sd.setLossVariables("loss");
        INDArray gradient = gradients(sd, Map.of(), "logits").get("logits");
        for (int i = 0; i < 3; i++) {
            assertEquals(x[0][i] - 0.5, gradient.getDouble(0, i), 1e-6, "d log p / d l at l = 0, x = " + x[0][i]);
        }
    }

    @Test
    void meanIsTheSigmoidOfTheLogits() {
        SameDiff sd = SameDiff.create();
        SDVariable logits = sd.placeHolder("logits", DataType.FLOAT, -1, X[0].length);
        BERNOULLI.mean(sd, logits).rename("mean");
        INDArray mean = sd.output(Map.of("logits", matrix(LOGITS, DataType.FLOAT)), "mean").get("mean");
        for (int row = 0; row < LOGITS.length; row++) {
            for (int i = 0; i < LOGITS[row].length; i++) {
                double expected = sigmoid(LOGITS[row][i]);
                assertEquals(expected, mean.getDouble(row, i), 1e-7 + 1e-6 * expected,
                        "sigmoid(" + LOGITS[row][i] + ")");
            }
        }
    }

    /** SameDiff's gradients, without the line per op it prints while building the backward graph. */
    private static Map<String, INDArray> gradients(SameDiff sd, Map<String, INDArray> feed, String... variables) {
        LikelihoodGraph.createGradFunctionQuietly(sd);
        return sd.calculateGradients(feed, variables);
    }

    /** A {@code [rows, columns]} array of the given type holding exactly the float values. */
    private static INDArray matrix(float[][] values, DataType type) {
        return Nd4j.create(values).castTo(type);
    }
}
