package org.vaelab.plugins.likelihood;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * One likelihood's graph for tests: x is a placeholder and the decoder outputs are a variable
 * {@code params}, so that values, means, SameDiff's gradients and central finite differences can
 * be read in the data type of the graph. The loss {@code sum_b w_b log p(x_b)}, with per-row
 * weights fed with x, makes the likelihood not the last op and tells rows apart.
 */
final class LikelihoodGraph {

    private final SameDiff sd = SameDiff.create();
    private final DataType type;
    private boolean differentiable;

    /** @param params the decoder outputs, {@code [batch, parametersPerValue() * D]} */
    LikelihoodGraph(Likelihood likelihood, DataType type, double[][] params) {
        this.type = type;
        SDVariable decoded = sd.var("params", matrix(params, type));
        SDVariable x = sd.placeHolder("x", type, -1, params[0].length / likelihood.parametersPerValue());
        SDVariable rowWeights = sd.placeHolder("row_weights", type, -1);
        SDVariable logP = sd.identity("log_p", likelihood.logProbability(sd, x, decoded));
        sd.identity("mean", likelihood.mean(sd, decoded));
        logP.mul(rowWeights).sum().rename("loss");
        sd.setLossVariables("loss");
    }

    /** log p(x_b | params_b) for every row b. */
    double[] logProbability(double[][] x) {
        return sd.output(Map.of("x", matrix(x, type)), "log_p").get("log_p").toDoubleVector();
    }

    /** The mean of p(x | params), {@code [batch, D]}. */
    double[][] mean() {
        return sd.output(Map.of(), "mean").get("mean").toDoubleMatrix();
    }

    /** Overwrites every element of a variable of the graph. */
    void assign(String variable, double value) {
        sd.getVariable(variable).getArr().assign(value);
    }

    /** SameDiff's gradient of {@code sum_b w_b log p(x_b)} with respect to a variable. */
    INDArray gradient(String variable, double[][] x, double[] rowWeights) {
        if (!differentiable) {
            createGradFunctionQuietly(sd);
            differentiable = true;
        }
        return sd.calculateGradients(feed(x, rowWeights), variable).get(variable);
    }

    /** The central finite difference of {@code sum_b w_b log p(x_b)} in every element of a variable. */
    INDArray finiteDifference(String variable, double[][] x, double[] rowWeights, double step) {
        INDArray values = sd.getVariable(variable).getArr();
        INDArray result = Nd4j.zeros(DataType.DOUBLE, values.shape());
        for (long i = 0; i < values.length(); i++) {
            double original = values.getDouble(i);
            values.putScalar(i, original + step);
            double above = loss(x, rowWeights);
            values.putScalar(i, original - step);
            double below = loss(x, rowWeights);
            values.putScalar(i, original);
            result.putScalar(i, (above - below) / (2 * step));
        }
        return result;
    }

    private double loss(double[][] x, double[] rowWeights) {
        return sd.output(feed(x, rowWeights), "loss").get("loss").getDouble(0);
    }

    private Map<String, INDArray> feed(double[][] x, double[] rowWeights) {
        return Map.of("x", matrix(x, type), "row_weights", Nd4j.create(rowWeights).castTo(type));
    }

    /** Builds the backward graph without the line per op that SameDiff prints while doing so. */
    static void createGradFunctionQuietly(SameDiff sd) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
    }

    /** A {@code [rows, columns]} array of the given type. */
    static INDArray matrix(double[][] values, DataType type) {
        return Nd4j.create(values).castTo(type);
    }
}
