package org.vaelab.core.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import onnx.Onnx.AttributeProto;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.vaelab.spi.InvalidInputException;

/**
 * Translates the ops of a forward SameDiff graph, in the order the graph holds them (the order they were added, so
 * every input is made before it is used), into ONNX nodes of {@link OnnxGraph#OPSET}: element-wise maths, matrix
 * products, reshapes, slices, padding, reductions, concatenation and splitting, and NCHW convolutions and transposed
 * convolutions. Trainable variables and constants become initializers as the nodes first use them. An op it does not
 * know, or knows but not with those settings, is refused in one line that names it, the values it joins and the
 * layer of the last weights used before it.
 *
 * <p>The semantics of each SameDiff op are those of ND4J 1.0.0-M2.1 (its op classes' integer and float arguments);
 * those of each ONNX op are ONNX's operator documentation ({@code docs/Operators.md}) at opset 17.
 */
final class SameDiffToOnnx {

    /** Element-wise ops of one input that ONNX has under another name. */
    private static final Map<String, String> UNARY = Map.ofEntries(Map.entry("tanh", "Tanh"),
            Map.entry("sigmoid", "Sigmoid"), Map.entry("softplus", "Softplus"), Map.entry("abs", "Abs"),
            Map.entry("neg", "Neg"), Map.entry("exp", "Exp"), Map.entry("log", "Log"), Map.entry("sqrt", "Sqrt"),
            Map.entry("sign", "Sign"), Map.entry("identity", "Identity"));
    /** Element-wise ops of two inputs, broadcast as NumPy does in both libraries. */
    private static final Map<String, String> BINARY = Map.of("add", "Add", "subtract", "Sub", "multiply", "Mul",
            "divide", "Div", "maximum", "Max", "minimum", "Min");
    /** Element-wise ops of two inputs taken the other way round: {@code reversesubtract(x, y) = y - x}. */
    private static final Map<String, String> REVERSED = Map.of("reversesubtract", "Sub", "reversedivide", "Div");
    /** Element-wise ops of an input and a scalar. */
    private static final Map<String, String> SCALAR = Map.of("add_scalar", "Add", "sub_scalar", "Sub",
            "mul_scalar", "Mul", "div_scalar", "Div", "greaterthan_scalar", "Greater", "lessthan_scalar", "Less",
            "max_scalar", "Max", "scalar_min", "Min");
    /** Element-wise ops of a scalar and an input: {@code rsub_scalar(x, c) = c - x}. */
    private static final Map<String, String> REVERSED_SCALAR = Map.of("rsub_scalar", "Sub", "rdiv_scalar", "Div");
    /** The ops {@link #translate(DifferentialFunction)} handles one by one. */
    private static final Set<String> OTHERS = Set.of("elu", "relu", "leakyrelu", "rsqrt", "square", "expm1", "log1p",
            "cast", "reduce_mean", "matmul", "reshape", "conv2d", "deconv2d", "slice", "pad", "biasadd", "concat",
            "split");
    /** ND4J's code for C (row-major) order, the first integer argument of a reshape. */
    private static final long C_ORDER = -'c';
    /** The index of a (transposed) convolution's weights format among its integer arguments. */
    private static final int WEIGHTS_FORMAT = 10;
    /** From ND4J's convolution weights {@code [kH, kW, a, b]} to ONNX's {@code [b, a, kH, kW]}. */
    private static final long[] KERNEL_TO_ONNX = {3, 2, 0, 1};

    private final SameDiff sd;
    private final OnnxGraph onnx;
    private final String network;
    /** The layer of the last trainable variable an op used ({@code encoder/hidden0}), for messages. */
    private String lastLayer;

    private SameDiffToOnnx(SameDiff sd, OnnxGraph onnx, String network) {
        this.sd = sd;
        this.onnx = onnx;
        this.network = network;
    }

    /**
     * Adds the ops of {@code sd} to {@code onnx}, whose inputs are declared already under the names of the graph's
     * placeholders.
     *
     * @param network how messages name the network, such as {@code the encoder (mlp)}
     * @throws InvalidInputException when an op cannot be translated, or a placeholder is not an input of {@code onnx}
     */
    static void translate(SameDiff sd, OnnxGraph onnx, String network) {
        SameDiffToOnnx translation = new SameDiffToOnnx(sd, onnx, network);
        for (DifferentialFunction op : sd.ops()) {
            translation.translate(op);
        }
    }

    private void translate(DifferentialFunction op) {
        String name = op.opName();
        List<String> in = new ArrayList<>();
        for (SDVariable v : op.args()) {
            in.add(value(v));
        }
        List<String> out = List.of(op.outputVariablesNames());
        if (UNARY.containsKey(name)) {
            onnx.node(UNARY.get(name), in, out);
        } else if (BINARY.containsKey(name)) {
            onnx.node(BINARY.get(name), in, out);
        } else if (REVERSED.containsKey(name)) {
            onnx.node(REVERSED.get(name), List.of(in.get(1), in.get(0)), out);
        } else if (SCALAR.containsKey(name)) {
            onnx.node(SCALAR.get(name), List.of(in.get(0), scalar(op)), out);
        } else if (REVERSED_SCALAR.containsKey(name)) {
            onnx.node(REVERSED_SCALAR.get(name), List.of(scalar(op), in.get(0)), out);
        } else if (OTHERS.contains(name)) {
            translateOther(op, in, out);
        } else {
            Set<String> known = new TreeSet<>(OTHERS);
            List.of(UNARY, BINARY, REVERSED, SCALAR, REVERSED_SCALAR).forEach(table -> known.addAll(table.keySet()));
            throw refusal(op, "VAELab does not translate it; it translates " + String.join(", ", known));
        }
    }

    private void translateOther(DifferentialFunction op, List<String> in, List<String> out) {
        String x = in.get(0);
        String y = out.get(0);
        switch (op.opName()) {
            case "elu" -> onnx.node("Elu", in, out,
                    OnnxGraph.attribute("alpha", floats(op).length > 0 ? (float) floats(op)[0] : 1f));
            case "relu" -> {
                if (scalarValue(op) != 0) {
                    throw refusal(op, "its cutoff is " + scalarValue(op) + ", ONNX's Relu cuts off at 0");
                }
                onnx.node("Relu", in, out);
            }
            case "leakyrelu" -> onnx.node("LeakyRelu", in, out, OnnxGraph.attribute("alpha", (float) scalarValue(op)));
            case "rsqrt" -> onnx.node("Reciprocal", List.of(onnx.node("Sqrt", y + "/sqrt", in)), out);
            case "square" -> onnx.node("Mul", List.of(x, x), out);
            case "expm1" -> onnx.node("Sub", List.of(onnx.node("Exp", y + "/exp", in), one(op)), out);
            case "log1p" -> onnx.node("Log", List.of(onnx.node("Add", y + "/plus_one", List.of(x, one(op)))), out);
            case "cast" -> onnx.node("Cast", in, out,
                    OnnxGraph.attribute("to", OnnxGraph.elementType(sd.getVariable(y).dataType())));
            case "reduce_mean" -> reduceMean(op, in, out);
            case "matmul" -> matrixProduct(op, in, out);
            case "reshape" -> reshape(op, in, out);
            case "conv2d" -> convolution(op, in, out, "Conv");
            case "deconv2d" -> convolution(op, in, out, "ConvTranspose");
            case "slice" -> slice(op, in, out);
            case "pad" -> pad(op, in, out);
            case "biasadd" -> biasAdd(op, in, out);
            case "concat" -> onnx.node("Concat", in, out, OnnxGraph.attribute("axis", lastInteger(op)));
            case "split" -> onnx.node("Split", List.of(x), out, OnnxGraph.attribute("axis", lastInteger(op)));
            default -> throw new IllegalStateException("no translation of " + op.opName());
        }
    }

    /** ReduceMean over the op's dimensions (all of them when it names none), keeping them when it does. */
    private void reduceMean(DifferentialFunction op, List<String> in, List<String> out) {
        ReduceOp reduction = (ReduceOp) op;
        if (in.size() > 1) {
            throw refusal(op, "its dimensions are computed in the graph; VAELab translates fixed ones");
        }
        INDArray dimensions = reduction.dimensions();
        AttributeProto keep = OnnxGraph.attribute("keepdims", reduction.isKeepDims() ? 1L : 0L);
        if (dimensions == null || dimensions.isEmpty()) {
            onnx.node("ReduceMean", in, out, keep);
        } else {
            onnx.node("ReduceMean", in, out, keep, OnnxGraph.attribute("axes", dimensions.toLongVector()));
        }
    }

    /** MatMul, for a product of neither input transposed and a scale of 1. */
    private void matrixProduct(DifferentialFunction op, List<String> in, List<String> out) {
        Map<String, Object> properties = op.propertiesForFunction();
        for (String flag : List.of("transposeA", "transposeB", "transposeResult")) {
            if (Boolean.TRUE.equals(properties.get(flag))) {
                throw refusal(op, "it has " + flag + "; VAELab translates products of untransposed matrices");
            }
        }
        double[] scales = floats(op);
        if (scales.length > 0 && scales[0] != 1.0) {
            throw refusal(op, "it scales by " + scales[0] + "; VAELab translates unscaled products");
        }
        onnx.node("MatMul", in, out);
    }

    /** Reshape to the op's shape, given as integer arguments after ND4J's order code, or as a constant input. */
    private void reshape(DifferentialFunction op, List<String> in, List<String> out) {
        long[] shape;
        if (in.size() > 1) {
            shape = constant(op, op.args()[1]).toLongVector();
        } else {
            long[] arguments = integers(op);
            if (arguments.length > 0 && arguments[0] < -1 && arguments[0] != C_ORDER) {
                throw refusal(op, "it reshapes in column-major order; ONNX reshapes row-major");
            }
            shape = arguments.length > 0 && arguments[0] == C_ORDER
                    ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        }
        onnx.node("Reshape", List.of(in.get(0), onnx.longs(out.get(0) + "/shape", shape)), out);
    }

    /**
     * Conv or ConvTranspose from ND4J's {@code conv2d} or {@code deconv2d}, whose integer arguments are kernel,
     * strides, padding and dilation (each height then width), then whether it pads as SAME, whether it is NHWC and,
     * when there is an eleventh, how its weights are laid out. Weights {@code [kH, kW, a, b]} (ND4J's
     * format 0) are transposed to ONNX's {@code [b, a, kH, kW]}, which ND4J calls format 1; a third input is the bias.
     */
    private void convolution(DifferentialFunction op, List<String> in, List<String> out, String onnxOp) {
        long[] a = integers(op);
        if (a[8] != 0 || a[9] != 0) {
            throw refusal(op, a[8] != 0 ? "it pads as SAME; VAELab translates explicit padding"
                    : "its maps are NHWC; VAELab translates NCHW");
        }
        long format = a.length > WEIGHTS_FORMAT ? a[WEIGHTS_FORMAT] : 0;
        if (format > 1) {
            throw refusal(op, "its weights are in ND4J's format " + format + "; VAELab translates formats 0 and 1");
        }
        List<String> inputs = new ArrayList<>(in);
        if (format == 0) {
            inputs.set(1, onnx.node("Transpose", in.get(1) + "/onnx_layout", List.of(in.get(1)),
                    OnnxGraph.attribute("perm", KERNEL_TO_ONNX)));
        }
        onnx.node(onnxOp, inputs, out, OnnxGraph.attribute("kernel_shape", new long[] {a[0], a[1]}),
                OnnxGraph.attribute("strides", new long[] {a[2], a[3]}),
                OnnxGraph.attribute("pads", new long[] {a[4], a[5], a[4], a[5]}),
                OnnxGraph.attribute("dilations", new long[] {a[6], a[7]}));
    }

    /** Slice from ND4J's {@code slice}, whose integer arguments are each axis's begin, then its size (-1: all). */
    private void slice(DifferentialFunction op, List<String> in, List<String> out) {
        if (in.size() > 1) {
            throw refusal(op, "its begin and size are computed in the graph; VAELab translates fixed ones");
        }
        long[] a = integers(op);
        int rank = a.length / 2;
        long[] starts = Arrays.copyOfRange(a, 0, rank);
        long[] ends = new long[rank];
        long[] axes = new long[rank];
        for (int i = 0; i < rank; i++) {
            ends[i] = a[rank + i] < 0 ? Long.MAX_VALUE : a[i] + a[rank + i];
            axes[i] = i;
        }
        String name = out.get(0);
        onnx.node("Slice", List.of(in.get(0), onnx.longs(name + "/starts", starts), onnx.longs(name + "/ends", ends),
                onnx.longs(name + "/axes", axes)), out);
    }

    /** Pad with a constant from ND4J's {@code pad}, whose paddings are a constant {@code [rank, 2]} input. */
    private void pad(DifferentialFunction op, List<String> in, List<String> out) {
        if (integers(op)[0] != 0) {
            throw refusal(op, "it pads in mode " + integers(op)[0]
                    + "; VAELab translates padding with a constant (mode 0)");
        }
        long[][] paddings = constant(op, op.args()[1]).toLongMatrix();
        long[] pads = new long[2 * paddings.length];
        for (int i = 0; i < paddings.length; i++) {
            pads[i] = paddings[i][0];
            pads[paddings.length + i] = paddings[i][1];
        }
        String name = out.get(0);
        DataType type = op.arg(0).dataType();
        double[] value = floats(op);
        onnx.node("Pad", List.of(in.get(0), onnx.longs(name + "/pads", pads),
                onnx.scalar(name + "/value", type, value.length > 0 ? value[0] : 0.0)), out);
    }

    /** Add of a bias to the channels: axis 1 of an NCHW map (the bias reshaped to {@code [C, 1, 1]}), else the last. */
    private void biasAdd(DifferentialFunction op, List<String> in, List<String> out) {
        boolean[] flags = ((DynamicCustomOp) op).bArgs();
        String bias = in.get(1);
        if (flags.length > 0 && flags[0]) {
            bias = onnx.node("Reshape", bias + "/channels", List.of(bias, onnx.longs(bias + "/channels_shape", -1, 1,
                    1)));
        }
        onnx.node("Add", List.of(in.get(0), bias), out);
    }

    /** The name of {@code v} in the ONNX graph, adding a trainable variable or a constant as an initializer. */
    private String value(SDVariable v) {
        String name = v.name();
        if (v.getVariableType() == VariableType.VARIABLE && name.contains("/")) {
            lastLayer = name.substring(0, name.lastIndexOf('/'));
        }
        if (!onnx.has(name)) {
            switch (v.getVariableType()) {
                case VARIABLE, CONSTANT -> onnx.initializer(name, v.getArr());
                case PLACEHOLDER -> throw new InvalidInputException(network + " cannot be exported to ONNX: it takes "
                        + "the input " + name + ", which the export does not feed");
                default -> throw new IllegalStateException(name + " is used before the op that makes it");
            }
        }
        return name;
    }

    /** A scalar op's scalar, as a constant of its input's type. */
    private String scalar(DifferentialFunction op) {
        return onnx.scalar(op.outputVariablesNames()[0] + "/scalar", op.arg(0).dataType(), scalarValue(op));
    }

    private String one(DifferentialFunction op) {
        return onnx.scalar(op.outputVariablesNames()[0] + "/one", op.arg(0).dataType(), 1.0);
    }

    private static double scalarValue(DifferentialFunction op) {
        return ((ScalarOp) op).scalar().getDouble(0);
    }

    private INDArray constant(DifferentialFunction op, SDVariable input) {
        if (!input.isConstant()) {
            throw refusal(op, "its input " + input.name()
                    + " is computed in the graph; VAELab translates a constant there");
        }
        return input.getArr();
    }

    /** The axis of a concat or split: its last integer argument (a split's are the number of parts, then the axis). */
    private long lastInteger(DifferentialFunction op) {
        long[] arguments = integers(op);
        if (arguments.length == 0) {
            throw refusal(op, "its axis is computed in the graph; VAELab translates a fixed axis");
        }
        return arguments[arguments.length - 1];
    }

    private static long[] integers(DifferentialFunction op) {
        return op instanceof DynamicCustomOp custom ? custom.iArgs() : new long[0];
    }

    private static double[] floats(DifferentialFunction op) {
        return op instanceof DynamicCustomOp custom ? custom.tArgs() : new double[0];
    }

    /** Why {@code op} is not translated, {@code reason} saying what about it. */
    private InvalidInputException refusal(DifferentialFunction op, String reason) {
        List<String> inputs = Arrays.stream(op.args()).map(SDVariable::name).toList();
        return new InvalidInputException(network + " cannot be exported to ONNX: its op '" + op.opName() + "' on "
                + inputs + " (making " + String.join(", ", op.outputVariablesNames()) + ")"
                + (lastLayer == null ? "" : ", after the layer " + lastLayer) + ": " + reason);
    }
}
