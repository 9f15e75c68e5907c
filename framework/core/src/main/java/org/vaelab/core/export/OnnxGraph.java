package org.vaelab.core.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.protobuf.ByteString;
import org.vaelab.spi.InvalidInputException;

/**
 * An ONNX graph being written: its nodes in topological order, its initializers (weights and constants), its inputs
 * and outputs, then the whole {@code ModelProto}. The messages are ONNX's own, generated from {@code onnx.proto} and
 * shipped in ND4J's {@code nd4j-api} (package {@code onnx}); the model targets IR version 8 and the default domain's
 * operator set {@link #OPSET}.
 */
final class OnnxGraph {

    /** The version of the ONNX operator set the nodes are written for. */
    static final int OPSET = 17;
    /** The ONNX IR version that goes with {@link #OPSET} (ONNX's {@code docs/Versioning.md}). */
    static final int IR_VERSION = 8;
    /** The name of the batch dimension of inputs and outputs. */
    static final String BATCH = "batch";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private int generated;

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A graph input of {@code type}; a dimension of -1 is the batch. */
    void input(String name, DataType type, long... dims) {
        names.add(name);
        graph.addInput(valueInfo(name, type, dims));
    }

    /** A graph output of {@code type}, a value some node makes; a dimension of -1 is the batch. */
    void output(String name, DataType type, long... dims) {
        graph.addOutput(valueInfo(name, type, dims));
    }

    /** Whether a value of this name is in the graph already (an input, initializer or node output). */
    boolean has(String name) {
        return names.contains(name);
    }

    /** Adds {@code array} as the initializer {@code name}. */
    void initializer(String name, INDArray array) {
        names.add(name);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(elementType(array.dataType()));
        for (long d : array.shape()) {
            tensor.addDims(d);
        }
        INDArray values = array.dup('c');
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(values.length() * array.dataType().width()))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < values.length(); i++) {
            switch (array.dataType()) {
                case FLOAT -> bytes.putFloat(values.getFloat(i));
                case DOUBLE -> bytes.putDouble(values.getDouble(i));
                case INT -> bytes.putInt((int) values.getLong(i));
                case LONG -> bytes.putLong(values.getLong(i));
                default -> throw new InvalidInputException("the array " + name + " of type " + array.dataType()
                        + " cannot be written to ONNX by VAELab; it writes FLOAT, DOUBLE, INT and LONG arrays");
            }
        }
        graph.addInitializer(tensor.setRawData(ByteString.copyFrom(bytes.array())));
    }

    /** A new int64 vector initializer named after {@code hint}; returns its name. */
    String longs(String hint, long... values) {
        String name = fresh(hint);
        names.add(name);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE).addDims(values.length);
        for (long v : values) {
            tensor.addInt64Data(v);
        }
        graph.addInitializer(tensor);
        return name;
    }

    /** A new scalar initializer of {@code type} holding {@code value}, named after {@code hint}; returns its name. */
    String scalar(String hint, DataType type, double value) {
        String name = fresh(hint);
        initializer(name, Nd4j.scalar(type, value));
        return name;
    }

    /** A node {@code opType} from {@code inputs} to {@code outputs}, with {@code attributes}. */
    void node(String opType, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        names.addAll(outputs);
        graph.addNode(NodeProto.newBuilder().setOpType(opType).setName(fresh(outputs.get(0) + "/" + opType))
                .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(List.of(attributes)));
    }

    /** A node with one output, named after {@code hint}; returns the output's name. */
    String node(String opType, String hint, List<String> inputs, AttributeProto... attributes) {
        String output = fresh(hint);
        node(opType, inputs, List.of(output), attributes);
        return output;
    }

    /** A name no value or node of the graph has, {@code hint} or {@code hint/onnx<n>}. */
    String fresh(String hint) {
        String name = hint;
        while (names.contains(name)) {
            name = hint + "/onnx" + generated++;
        }
        names.add(name);
        return name;
    }

    /** The model of this graph: IR version, operator set, producer. */
    ModelProto model(String producerVersion, String description) {
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("VAELab")
                .setProducerVersion(producerVersion).setDocString(description)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph).build();
    }

    /** An integer attribute. */
    static AttributeProto attribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    /** A float attribute. */
    static AttributeProto attribute(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
                .build();
    }

    /** An attribute of integers. */
    static AttributeProto attribute(String name, long[] values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            attribute.addInts(v);
        }
        return attribute.build();
    }

    /** ONNX's {@code TensorProto.DataType} of an ND4J type. */
    static int elementType(DataType type) {
        return switch (type) {
            case FLOAT -> TensorProto.DataType.FLOAT_VALUE;
            case DOUBLE -> TensorProto.DataType.DOUBLE_VALUE;
            case INT -> TensorProto.DataType.INT32_VALUE;
            case LONG -> TensorProto.DataType.INT64_VALUE;
            case BOOL -> TensorProto.DataType.BOOL_VALUE;
            default -> throw new InvalidInputException("values of type " + type + " cannot be written to ONNX by "
                    + "VAELab; it writes FLOAT, DOUBLE, INT, LONG and BOOL");
        };
    }

    private static ValueInfoProto valueInfo(String name, DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(elementType(type)).setShape(shape))).build();
    }
}
