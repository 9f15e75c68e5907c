package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.nn.Activation;
import org.vaelab.spi.nn.DenseLayout;

/**
 * Forward and backward passes of a network with a {@link DenseLayout}, derived by hand
 * (backpropagation, Rumelhart, Hinton and Williams 1986): for a layer {@code h' = f(h W + b)}
 * with {@code dA = dh' * f'}, the gradients are {@code dW = h^T dA}, {@code db} the column sums of
 * {@code dA}, and {@code dh = dA W^T}. Matrix products go to ND4J's {@code gemm}; bias, activation
 * and column sums are loops over Java arrays. The weights are the graph's own arrays, read by name
 * on every pass, so the optimizer's updates and restored checkpoints are what the passes see.
 */
final class DenseNetwork {

    private final SameDiff sd;
    private final Activation activation;
    private final List<Layer> hidden;
    private final List<Layer> heads;
    private final int inputWidth;
    private final Map<String, INDArray> gradients = new LinkedHashMap<>();
    private int rows = -1;
    private INDArray input;
    private INDArray inputGradient;

    /**
     * The network {@code layout} built in {@code sd} under {@code scope}.
     *
     * @throws IllegalArgumentException when a layer the layout names is missing or the widths do not chain
     */
    DenseNetwork(SameDiff sd, String scope, DenseLayout layout) {
        this.sd = sd;
        this.activation = layout.activation();
        this.hidden = layers(scope, layout.hidden());
        this.heads = layers(scope, layout.heads());
        this.inputWidth = hidden.isEmpty() ? heads.get(0).inputs : hidden.get(0).inputs;
        int width = inputWidth;
        for (Layer layer : hidden) {
            width = layer.requireInputs(width);
        }
        for (Layer head : heads) {
            head.requireInputs(width);
        }
        for (Layer layer : allLayers()) {
            gradients.put(layer.weights, Nd4j.create(DataType.FLOAT, layer.inputs, layer.outputs));
            gradients.put(layer.bias, Nd4j.create(DataType.FLOAT, 1, layer.outputs));
        }
    }

    private List<Layer> layers(String scope, List<String> names) {
        return names.stream().map(name -> new Layer(sd, scope + "/" + name)).toList();
    }

    private List<Layer> allLayers() {
        List<Layer> all = new ArrayList<>(hidden);
        all.addAll(heads);
        return all;
    }

    /** The names of the trainable variables {@code layout} covers under {@code scope}: each layer's weights and bias. */
    static List<String> parameterNames(String scope, DenseLayout layout) {
        List<String> names = new ArrayList<>();
        for (String layer : layout.hidden()) {
            names.addAll(List.of(Layer.weights(scope + "/" + layer), Layer.bias(scope + "/" + layer)));
        }
        for (String head : layout.heads()) {
            names.addAll(List.of(Layer.weights(scope + "/" + head), Layer.bias(scope + "/" + head)));
        }
        return names;
    }

    /** The gradient arrays {@link #backward} fills, by variable name. */
    Map<String, INDArray> gradients() {
        return gradients;
    }

    /** The width of the network's input. */
    int inputWidth() {
        return inputWidth;
    }

    /** The widths of the heads, in layout order. */
    List<Integer> headWidths() {
        return heads.stream().map(head -> head.outputs).toList();
    }

    /**
     * Runs the network on {@code x}, {@code [rows, inputWidth]}, a dense row-major FLOAT array
     * that must stay unchanged until {@link #backward}; returns each head's output, row-major.
     */
    float[][] forward(INDArray x) {
        resize(Math.toIntExact(x.rows()));
        input = x;
        INDArray h = x;
        for (Layer layer : hidden) {
            Nd4j.gemm(h, layer.weights(), layer.output, false, false, 1.0, 0.0);
            float[] values = HostArrays.read(layer.output, layer.outputHost);
            addBias(values, layer.biasValues());
            activate(values);
            h = HostArrays.write(values, layer.output);
        }
        float[][] outputs = new float[heads.size()][];
        for (int j = 0; j < heads.size(); j++) {
            Layer head = heads.get(j);
            Nd4j.gemm(h, head.weights(), head.output, false, false, 1.0, 0.0);
            float[] values = HostArrays.read(head.output, head.outputHost);
            addBias(values, head.biasValues());
            outputs[j] = values;
        }
        return outputs;
    }

    /**
     * Back-propagates the loss's gradient with respect to each head's output (row-major, as
     * {@link #forward} returned them) through the last forward pass, filling {@link #gradients()}.
     *
     * @return the gradient with respect to the input, or null unless {@code inputGradient}
     */
    float[] backward(float[][] headGradients, boolean inputGradient) {
        INDArray last = hidden.isEmpty() ? input : hidden.get(hidden.size() - 1).output;
        INDArray upstream = hidden.isEmpty() ? (inputGradient ? inputGradientArray() : null)
                : hidden.get(hidden.size() - 1).gradient;
        for (int j = 0; j < heads.size(); j++) {
            Layer head = heads.get(j);
            HostArrays.write(headGradients[j], head.gradient);
            weightAndBiasGradients(head, last, headGradients[j]);
            if (upstream != null) {
                Nd4j.gemm(head.gradient, head.weights(), upstream, false, true, 1.0, j == 0 ? 0.0 : 1.0);
            }
        }
        for (int i = hidden.size() - 1; i >= 0; i--) {
            Layer layer = hidden.get(i);
            float[] delta = HostArrays.read(layer.gradient, layer.gradientHost);
            scaleByDerivative(delta, layer.outputHost);
            HostArrays.write(delta, layer.gradient);
            INDArray below = i == 0 ? input : hidden.get(i - 1).output;
            weightAndBiasGradients(layer, below, delta);
            INDArray belowGradient = i == 0 ? (inputGradient ? inputGradientArray() : null) : hidden.get(i - 1).gradient;
            if (belowGradient != null) {
                Nd4j.gemm(layer.gradient, layer.weights(), belowGradient, false, true, 1.0, 0.0);
            }
        }
        return inputGradient ? HostArrays.read(inputGradientArray(), new float[rows * inputWidth]) : null;
    }

    private void addBias(float[] values, float[] bias) {
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < bias.length; c++, k++) {
                values[k] += bias[c];
            }
        }
    }

    /**
     * Applies the activation in place; ReLU, the usual one, in a loop of its own that clears the
     * bits of negative values rather than branching on them.
     */
    private void activate(float[] values) {
        if (activation == Activation.RELU) {
            for (int k = 0; k < values.length; k++) {
                int bits = Float.floatToRawIntBits(values[k]);
                values[k] = Float.intBitsToFloat(bits & ~(bits >> 31));
            }
        } else {
            for (int k = 0; k < values.length; k++) {
                values[k] = activation.valueAt(values[k]);
            }
        }
    }

    /**
     * Multiplies {@code delta} by the activation's derivative, found from the layer's {@code output};
     * for ReLU, keeps {@code delta} where the output is positive (the graph's derivative is 0 at 0 too).
     */
    private void scaleByDerivative(float[] delta, float[] output) {
        if (activation == Activation.RELU) {
            for (int k = 0; k < delta.length; k++) {
                delta[k] = Float.intBitsToFloat(Float.floatToRawIntBits(delta[k]) & positiveMask(output[k]));
            }
        } else {
            for (int k = 0; k < delta.length; k++) {
                delta[k] *= activation.derivativeFromOutput(output[k]);
            }
        }
    }

    /**
     * All ones when {@code output}, a ReLU's output and so never negative, is above 0, else 0:
     * without a branch, which ReLU's random pattern of zeros would mispredict half the time.
     */
    private static int positiveMask(float output) {
        return -Float.floatToRawIntBits(output) >> 31;
    }

    private INDArray inputGradientArray() {
        if (inputGradient == null || inputGradient.rows() != rows) {
            inputGradient = Nd4j.create(DataType.FLOAT, rows, inputWidth);
        }
        return inputGradient;
    }

    /** {@code dW = below^T delta} into the layer's gradient, and {@code db} the column sums of {@code delta}. */
    private void weightAndBiasGradients(Layer layer, INDArray below, float[] delta) {
        Nd4j.gemm(below, layer.gradient, gradients.get(layer.weights), true, false, 1.0, 0.0);
        float[] sums = new float[layer.outputs];
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < sums.length; c++, k++) {
                sums[c] += delta[k];
            }
        }
        HostArrays.write(sums, gradients.get(layer.bias));
    }

    private void resize(int batchRows) {
        if (batchRows == rows) {
            return;
        }
        rows = batchRows;
        for (Layer layer : allLayers()) {
            layer.resize(rows);
        }
    }

    /** One dense layer's variables and the arrays of a pass through it. */
    private static final class Layer {
        private final SameDiff sd;
        private final String weights;
        private final String bias;
        private final int inputs;
        private final int outputs;
        private final float[] biasHost;
        private INDArray output;
        private INDArray gradient;
        private float[] outputHost;
        private float[] gradientHost;

        Layer(SameDiff sd, String name) {
            this.sd = sd;
            this.weights = weights(name);
            this.bias = bias(name);
            if (!sd.hasVariable(weights) || !sd.hasVariable(bias)) {
                throw new IllegalArgumentException("the graph has no dense layer " + name);
            }
            long[] shape = sd.getArrForVarName(weights).shape();
            this.inputs = Math.toIntExact(shape[0]);
            this.outputs = Math.toIntExact(shape[1]);
            this.biasHost = new float[outputs];
        }

        static String weights(String layer) {
            return layer + "/W";
        }

        static String bias(String layer) {
            return layer + "/b";
        }

        int requireInputs(int width) {
            if (width != inputs) {
                throw new IllegalArgumentException(weights + " takes " + inputs + " inputs, the layer below gives " + width);
            }
            return outputs;
        }

        INDArray weights() {
            return sd.getArrForVarName(weights);
        }

        float[] biasValues() {
            return HostArrays.read(sd.getArrForVarName(bias), biasHost);
        }

        void resize(int rows) {
            output = Nd4j.create(DataType.FLOAT, rows, outputs);
            gradient = Nd4j.create(DataType.FLOAT, rows, outputs);
            outputHost = new float[rows * outputs];
            gradientHost = new float[rows * outputs];
        }
    }
}
