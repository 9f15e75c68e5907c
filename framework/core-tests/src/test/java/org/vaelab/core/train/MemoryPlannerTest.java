package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;

/**
 * The memory planner of compiled plans ({@link MemoryPlanner}): on a chain of four tanh ops, whose
 * intermediate values each die two ops after they are made, two buffers hold the four arrays, as
 * liveness says; on the conv VAE of {@code configs/fashion-conv-bernoulli.yaml} (batch 128), the
 * loss-and-gradient plan and the evaluation plan with shared buffers give, on two threads, the
 * same values to the bit as with a buffer per array, in less memory.
 */
class MemoryPlannerTest {

    private static final String CONV = "{type: conv, layers: [{channels: 32, kernel: 4, stride: 2, padding: 1},"
            + " {channels: 64, kernel: 4, stride: 2, padding: 1}], dense: 256}";
    private static final int WIDTH = 784;
    private static final int LATENT = 20;
    private static final int BATCH = 128;

    /**
     * In a chain of tanh ops cut into two halves of the batch, y3 reuses y1's buffer and y4 y2's: the
     * half of y3 in the top rows waits for the kernels that read or wrote the top rows of y1, never
     * for the other half's, so each lane runs its own half without waiting for the other.
     */
    @Test
    void aHalfOfTheBatchWaitsOnlyForTheKernelsThatTouchedItsBytes() {
        SameDiff sd = SameDiff.create();
        SDVariable value = sd.placeHolder("x", DataType.FLOAT, -1, 400);
        for (int i = 1; i <= 4; i++) {
            value = sd.math().tanh("y" + i, value);
        }
        INDArray x = TestModels.gaussian(new SplittableRandom(2), BATCH, 400);
        CompiledGraph plan = CompiledGraph.compile(sd, Map.of("x", x), List.of("y4"), 2, true);

        assertEquals(List.of("tanh [128, 400]", "tanh [128, 400]", "tanh [128, 400]", "tanh [128, 400]",
                "tanh [128, 400]", "tanh [128, 400]", "tanh [128, 400]", "tanh [128, 400]"), plan.kernelNames(),
                "each tanh in a top and a bottom half");
        assertEquals(2L * BATCH * 400 * Float.BYTES, plan.allocatedBytes(), "y3 in y1's buffer, y4 in y2's");
        List<int[]> waits = plan.kernelWaits();
        for (int kernel = 0; kernel < waits.size(); kernel++) {
            for (int before : waits.get(kernel)) {
                assertEquals(kernel % 2, before % 2, "kernel " + kernel + " waits for the other half's " + before);
            }
        }
        assertArrayEquals(new int[] {0, 2}, waits.get(4), "y3's top half: after y2's top half, which read y1's");
    }

    @Test
    void arraysWhoseLivesDoNotOverlapShareABuffer() {
        SameDiff sd = SameDiff.create();
        SDVariable value = sd.placeHolder("x", DataType.FLOAT, -1, 50);
        for (int i = 1; i <= 4; i++) {
            value = sd.math().tanh("y" + i, value);
        }
        INDArray x = TestModels.gaussian(new SplittableRandom(1), 40, 50);
        CompiledGraph shared = CompiledGraph.compile(sd, Map.of("x", x), List.of("y4"), 2, true);
        CompiledGraph own = CompiledGraph.compile(sd, Map.of("x", x), List.of("y4"), 2, false);

        long arrayBytes = 40 * 50 * Float.BYTES;
        assertEquals(4 * arrayBytes, shared.requestedBytes());
        assertEquals(4 * arrayBytes, own.allocatedBytes());
        // y1 and y2 are live when y2 and y3 are made; y3 takes y1's buffer, y4 y2's
        assertEquals(2 * arrayBytes, shared.allocatedBytes());
        INDArray expected = x;
        for (int i = 1; i <= 4; i++) {
            expected = Transforms.tanh(expected, true);
        }
        assertArrayEquals(expected.data().asFloat(), shared.value("y4").data().asFloat());
        assertThrows(IllegalArgumentException.class, () -> shared.value("y2"),
                "an intermediate array is not the plan's to give: its buffer is another's later");
    }

    @Test
    void theConvVaesPlansGiveTheSameDigitsInLessMemory() {
        ModelParts parts = new ModelParts(TestModels.component(Family.ENCODER, CONV),
                TestModels.component(Family.DECODER, CONV), TestModels.BERNOULLI, TestModels.beta(1.0),
                TestModels.VAE, new DataShape(List.of(1, 28, 28), ValueRange.UNIT_INTERVAL, 0), LATENT);
        VaeGraph graph = parts.build(1, new SplittableRandom(1));
        SameDiffGraphs.createGradients(graph.sameDiff());
        List<String> wanted = new ArrayList<>(List.of(VaeGraph.LOSS));
        graph.parameterNames().forEach(name -> wanted.add(graph.sameDiff().getVariable(name).getGradient().name()));
        compare("loss and gradients", graph.sameDiff().getFunction(SameDiffGraphs.GRADIENT_FUNCTION), wanted);
        compare("evaluation", graph.sameDiff(), List.of(VaeGraph.LOG_PX, VaeGraph.KL, VaeGraph.RECON_MSE));
    }

    /** Compiles {@code outputs} of {@code sd} with and without sharing, runs both on a second feed, and compares. */
    private static void compare(String plan, SameDiff sd, List<String> outputs) {
        SplittableRandom random = new SplittableRandom(2);
        CompiledGraph shared = CompiledGraph.compile(sd, feed(random), outputs, 2, true);
        CompiledGraph own = CompiledGraph.compile(sd, feed(random), outputs, 2, false);
        Map<String, INDArray> next = feed(random);
        shared.run(next);
        own.run(next);
        for (String output : outputs) {
            assertArrayEquals(own.value(output).dup().data().asFloat(), shared.value(output).dup().data().asFloat(),
                    plan + ": " + output);
        }
        assertEquals(own.requestedBytes(), shared.requestedBytes(), plan + ": the same arrays");
        assertEquals(own.requestedBytes(), own.allocatedBytes(), plan + ": without sharing, a buffer each");
        assertTrue(shared.allocatedBytes() < own.allocatedBytes(), plan + ": sharing saves memory");
        System.out.printf("MemoryPlannerTest: conv VAE, batch %d, %s plan: %.1f MiB of arrays in %.1f MiB%n", BATCH,
                plan, own.allocatedBytes() / 1048576.0, shared.allocatedBytes() / 1048576.0);
    }

    private static Map<String, INDArray> feed(SplittableRandom random) {
        float[] grey = new float[BATCH * WIDTH];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (float) random.nextDouble();
        }
        return TestModels.feed(Nd4j.create(grey, new long[] {BATCH, WIDTH}, 'c'),
                TestModels.gaussian(random, BATCH, LATENT), 1, 0);
    }
}
