package org.vaelab.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.nn.Activation;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The translation of SameDiff graphs to ONNX, read back through ONNX's own generated messages: the nodes a dense
 * ReLU layer becomes and its weights, bit for bit; and the one-line refusal of a graph with an op there is no
 * translation for (naming the op, its inputs and the layer whose weights it follows), or with an input the export
 * does not feed. The numbers the translated networks compute are checked with ONNX Runtime in the command-line tests
 * ({@code ExportCommandTest}).
 */
class SameDiffToOnnxTest {

    private static final String NETWORK = "the test network";

    @Test
    void aDenseReluLayerBecomesAProductABiasAndTheMaskOfItsPositiveValues() throws Exception {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        NetworkBuilder net = new NetworkBuilder(sd, "net", new SplittableRandom(1));
        sd.identity("h", Activation.RELU.apply(sd, net.dense("layer", x, 3, 2)));
        OnnxGraph graph = new OnnxGraph("test");
        graph.input("x", DataType.FLOAT, -1, 3);
        SameDiffToOnnx.translate(sd, graph, NETWORK);
        graph.output("h", DataType.FLOAT, -1, 2);

        ModelProto model = ModelProto.parseFrom(graph.model("test", "a test").toByteArray());
        assertEquals(OnnxGraph.OPSET, model.getOpsetImport(0).getVersion());
        assertEquals(List.of("MatMul", "Add", "Greater", "Cast", "Mul", "Identity"),
                model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList());
        NodeProto product = model.getGraph().getNode(0);
        assertEquals(List.of("x", "net/layer/W"), product.getInputList());
        TensorProto weights = model.getGraph().getInitializerList().stream()
                .filter(t -> t.getName().equals("net/layer/W")).findFirst().orElseThrow();
        assertEquals(List.of(3L, 2L), weights.getDimsList());
        ByteBuffer bytes = weights.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] written = new float[6];
        bytes.asFloatBuffer().get(written);
        assertArrayEquals(sd.getArrForVarName("net/layer/W").dup('c').data().asFloat(), written);
        assertEquals("h", model.getGraph().getNode(5).getOutput(0));
    }

    @Test
    void anOpWithoutATranslationIsRefusedNamingItAndItsInputs() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        NetworkBuilder net = new NetworkBuilder(sd, "net", new SplittableRandom(1));
        SDVariable h = net.dense("layer", x, 3, 2);
        sd.identity("h", sd.math().cos(h));
        OnnxGraph graph = new OnnxGraph("test");
        graph.input("x", DataType.FLOAT, -1, 3);
        InvalidInputException refusal = assertThrows(InvalidInputException.class,
                () -> SameDiffToOnnx.translate(sd, graph, NETWORK));
        assertTrue(refusal.getMessage().startsWith("the test network cannot be exported to ONNX: its op 'cos' on ["
                + h.name() + "] (making cos), after the layer net/layer: VAELab does not translate it; it translates "),
                refusal.getMessage());
        assertTrue(refusal.getMessage().contains(" conv2d, deconv2d, "), refusal.getMessage());
    }

    @Test
    void anInputTheExportDoesNotFeedIsRefused() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        sd.identity("h", x.mul(sd.placeHolder("mask", DataType.FLOAT, -1, 3)));
        OnnxGraph graph = new OnnxGraph("test");
        graph.input("x", DataType.FLOAT, -1, 3);
        InvalidInputException refusal = assertThrows(InvalidInputException.class,
                () -> SameDiffToOnnx.translate(sd, graph, NETWORK));
        assertEquals("the test network cannot be exported to ONNX: it takes the input mask, which the export does "
                + "not feed", refusal.getMessage());
    }
}
