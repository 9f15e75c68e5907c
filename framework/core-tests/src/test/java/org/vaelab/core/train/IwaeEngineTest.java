package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.core.eval.ImportanceSampling;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataSplit;

/**
 * The importance-weighted estimate runs on the compiled engine with the same digits on one and on
 * two threads, and within float rounding of SameDiff's session: K = 250 in chunks of 100 (two
 * full passes and a partial one) over 45 examples in batches of 20 (the last of 5, so two plans
 * are compiled), each pass of 2,000 rows large enough that its products and element-wise ops are
 * cut in pieces ({@link MatrixProducts}, {@link BatchPieces}).
 */
class IwaeEngineTest {

    private static final int WIDTH = 48;
    private static final int EXAMPLES = 45;
    private static final int SAMPLES = 250;
    /**
     * 64 ulps of float32, relative: each log weight is a few dozen float32 operations, which the
     * plan may round differently from the session (products and sums cut in pieces), and an
     * estimate moves by at most the largest change of one of its log weights (IwaeChunkingTest).
     */
    private static final double FLOAT_TOLERANCE = Math.scalb(1.0, -17);

    @Test
    void compiledPlansGiveTheSessionsEstimatesOnAnyNumberOfThreads() {
        String mlp = "{type: mlp, hidden: [32], activation: tanh}";
        ModelParts parts = new ModelParts(TestModels.component(Family.ENCODER, mlp),
                TestModels.component(Family.DECODER, mlp), TestModels.BERNOULLI, TestModels.beta(1.0),
                TestModels.VAE, TestModels.shape(WIDTH), 4);
        VaeGraph graph = parts.build(1, new SplittableRandom(6));
        DataSplit split = new DataSplit(TestModels.binaryValues(new SplittableRandom(4), EXAMPLES * WIDTH), null,
                WIDTH);

        double[] session = ImportanceSampling.of(graph, parts, SAMPLES, 100, 20, ForwardPass.session())
                .logLikelihoods(split, new SplittableRandom(11));
        double[] oneThread = ImportanceSampling.of(graph, parts, SAMPLES, 100, 20, ForwardPass.compiled(1))
                .logLikelihoods(split, new SplittableRandom(11));
        double[] twoThreads = ImportanceSampling.of(graph, parts, SAMPLES, 100, 20, ForwardPass.compiled(2))
                .logLikelihoods(split, new SplittableRandom(11));

        ForwardPass pass = ForwardPass.compiled(2).on(parts.withWeightsOf(graph, 100), List.of(VaeGraph.LOG_WEIGHT));
        pass.run(GraphFeed.of(graph, TestModels.binary(new SplittableRandom(5), 20, WIDTH), null,
                TestModels.gaussian(new SplittableRandom(5), 100 * 20, 4)), values -> { });
        assertEquals(GraphStep.COMPILED, pass.kind(), "the estimator's graph compiles");
        assertArrayEquals(oneThread, twoThreads, "the same digits on one and two threads");
        for (int e = 0; e < EXAMPLES; e++) {
            assertEquals(session[e], oneThread[e], FLOAT_TOLERANCE * Math.abs(session[e]), "example " + e);
        }
    }
}
