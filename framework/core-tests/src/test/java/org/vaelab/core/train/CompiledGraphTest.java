package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a compiled plan ({@link CompiledGraph}) leaves out: in {@code loss = sum((x W1) W2)^2)} with
 * x fed, the gradient of x is read by nothing, so the backward op of the first product runs only
 * {@code dW1 = x^T dh} (one piece), while the second runs {@code dh = dy W2^T} in two row halves and
 * {@code dW2 = h^T dy}; the gradients of both weights still equal SameDiff's own session's.
 */
class CompiledGraphTest {

    private static final int BATCH = 128;
    private static final int IN = 784;
    private static final int HIDDEN = 400;
    private static final int OUT = 30;

    @Test
    void theGradientOfTheFedDataIsNotComputed() {
        SplittableRandom random = new SplittableRandom(3);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, IN);
        SDVariable w1 = sd.var("w1", TestModels.gaussian(random, IN, HIDDEN).muli(0.05));
        SDVariable w2 = sd.var("w2", TestModels.gaussian(random, HIDDEN, OUT).muli(0.05));
        SDVariable y = x.mmul(w1).mmul(w2);
        sd.sum("loss", y.mul(y));
        SameDiffGraphs.createGradients(sd);
        List<String> outputs = List.of("loss", w1.getGradient().name(), w2.getGradient().name());
        Map<String, INDArray> feed = Map.of("x", TestModels.gaussian(random, BATCH, IN));

        SameDiff gradients = sd.getFunction(SameDiffGraphs.GRADIENT_FUNCTION);
        CompiledGraph plan = CompiledGraph.compile(gradients, feed, outputs, 2, true);
        List<String> backward = plan.kernelNames().stream().filter(name -> name.startsWith("matmul_bp")).toList();
        assertEquals(List.of("matmul_bp [128, 400]", "matmul_bp [128, 400]", "matmul_bp [128, 400]",
                "matmul_bp [128, 400]", "matmul_bp [128, 784]", "matmul_bp [128, 784]"), backward,
                "second product: dh and dW2, each in two halves; first: dW1 alone, in two halves");

        assertMatchesTheSession(plan, gradients, feed, outputs);
    }

    /** SameDiff's gradient of exp(t) computes exp(t) again; the plan runs it once ({@link CommonSubexpressions}). */
    @Test
    void anOpTheGradientRepeatsRunsOnce() {
        SplittableRandom random = new SplittableRandom(4);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, IN);
        SDVariable w = sd.var("w", TestModels.gaussian(random, IN, HIDDEN).muli(0.05));
        sd.sum("loss", sd.math().exp(x.mmul(w)));
        SameDiffGraphs.createGradients(sd);
        List<String> outputs = List.of("loss", w.getGradient().name());
        Map<String, INDArray> feed = Map.of("x", TestModels.gaussian(random, BATCH, IN));

        SameDiff gradients = sd.getFunction(SameDiffGraphs.GRADIENT_FUNCTION);
        long graphExps = gradients.getOps().values().stream().filter(op -> op.getOp().opName().equals("exp")).count();
        assertEquals(2, graphExps, "the forward exp and the gradient's repeat of it");
        CompiledGraph plan = CompiledGraph.compile(gradients, feed, outputs, 2, true);
        assertEquals(List.of("exp [128, 400]", "exp [128, 400]"),
                plan.kernelNames().stream().filter(name -> name.startsWith("exp ")).toList(),
                "one exp, in two halves of the batch");
        assertMatchesTheSession(plan, gradients, feed, outputs);
    }

    private static void assertMatchesTheSession(CompiledGraph plan, SameDiff gradients, Map<String, INDArray> feed,
                                                List<String> outputs) {
        plan.run(feed);
        Map<String, INDArray> session = gradients.output(feed, outputs.toArray(String[]::new));
        for (String name : outputs) {
            INDArray expected = session.get(name);
            double scale = expected.norm2Number().doubleValue();
            double difference = plan.value(name).sub(expected).norm2Number().doubleValue();
            assertEquals(0, difference / scale, 1e-5, name + ", relative to SameDiff's session");
        }
    }
}
