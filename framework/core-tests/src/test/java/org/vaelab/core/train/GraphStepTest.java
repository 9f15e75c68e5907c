package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.kl.KlWeighting;

class GraphStepTest {

    private static final int WIDTH = 12;
    private static final int LATENT = 3;

    @Test
    void aStepsGradientsStayReadableUntilTheNextStepFreesThem() {
        VaeGraph graph = graph();
        GraphStep step = new GraphStep(graph, 1, false);
        SplittableRandom random = new SplittableRandom(2);

        Map<String, INDArray> first = step.compute(batch(random)).gradients();
        assertEquals(graph.parameterNames().size(), first.size());
        first.values().forEach(g -> assertFalse(g.wasClosed()));
        double norm = first.values().stream().mapToDouble(g -> g.norm2Number().doubleValue()).sum();
        assertTrue(norm > 0 && Double.isFinite(norm), "readable: " + norm);

        Map<String, INDArray> second = step.compute(batch(random)).gradients();
        first.values().forEach(g -> assertTrue(g.wasClosed(), "the previous step's gradient is freed"));
        second.values().forEach(g -> assertFalse(g.wasClosed()));
    }

    @Test
    void evaluationFreesItsArraysWhileTrainingStepsReuseTheirs() {
        VaeGraph graph = graph();
        GraphStep step = new GraphStep(graph, 1, false);
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 3; i++) {
            step.compute(batch(random));
            graph.output(batch(random).feed(), VaeGraph.LOG_PX, VaeGraph.KL);
        }

        List<InferenceSession> forward = List.copyOf(graph.sameDiff().getSessions().values());
        assertEquals(1, forward.size());
        ArrayCacheMemoryMgr evaluation = (ArrayCacheMemoryMgr) forward.get(0).getMmgr();
        assertFalse(evaluation.isEnableCache());
        assertEquals(0, evaluation.getCurrentCacheSize(), "bytes of released arrays kept for reuse");
        List<InferenceSession> gradients = List.copyOf(
                graph.sameDiff().getFunction(SameDiffGraphs.GRADIENT_FUNCTION).getSessions().values());
        assertEquals(1, gradients.size());
        ArrayCacheMemoryMgr training = (ArrayCacheMemoryMgr) gradients.get(0).getMmgr();
        assertTrue(training.isEnableCache());
        assertTrue(training.getCurrentCacheSize() > 0, "the training step's arrays are kept for the next step");
    }

    private static VaeGraph graph() {
        ModelParts parts = new ModelParts(TestModels.component(Family.ENCODER, "{type: mlp, hidden: [8]}"),
                TestModels.component(Family.DECODER, "{type: mlp, hidden: [8]}"), TestModels.BERNOULLI,
                TestModels.beta(1.0), TestModels.VAE, new DataShape(List.of(WIDTH), ValueRange.UNIT_INTERVAL, 0),
                LATENT);
        return parts.build(1, new SplittableRandom(1));
    }

    private static TrainingBatch batch(SplittableRandom random) {
        int rows = 5;
        float[] x = new float[rows * WIDTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        return new TrainingBatch(TestModels.feed(Nd4j.create(x, new long[] {rows, WIDTH}, 'c'),
                TestModels.gaussian(random, rows, LATENT), 1, 0), new KlWeighting(1, 0));
    }
}
