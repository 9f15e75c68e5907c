package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.core.eval.ImportanceSampling;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataSplit;

/**
 * Proves that how {@link ImportanceSampling} splits the work does not change its result: on a
 * Bernoulli VAE with a hidden layer, K = 250 samples in chunks of 10 (25 passes), 100 (two full
 * passes and a partial one of 50) or 250 (one pass), with batches of 3, 7 or all 20 examples, give
 * the same estimate for every example to float rounding, and the first five examples evaluated
 * alone get the estimates they get among all twenty. The same seed gives the same estimates to
 * the bit, another seed others; and the estimator keeps the weights it was made with.
 */
class IwaeChunkingTest {

    private static final int WIDTH = 12;
    private static final int LATENT = 3;
    private static final int EXAMPLES = 20;
    private static final int SAMPLES = 250;
    /** 64 ulps of float32, relative: see {@link #everyChunkSizeFromOneToAllGivesTheEstimateOfOnePass}. */
    private static final double FLOAT_TOLERANCE = Math.scalb(1.0, -17);

    @Test
    void chunksAndBatchesDoNotChangeTheEstimate() {
        Model model = Model.create();
        DataSplit split = data();
        double[] reference = model.estimator(SAMPLES, 10, 3).logLikelihoods(split, new SplittableRandom(11));
        System.out.println("IwaeChunkingTest estimates " + Arrays.toString(reference));
        for (int[] chunkAndBatch : new int[][] {{100, 7}, {250, EXAMPLES}, {1000, 1}}) {
            double[] other = model.estimator(SAMPLES, chunkAndBatch[0], chunkAndBatch[1])
                    .logLikelihoods(split, new SplittableRandom(11));
            for (int e = 0; e < EXAMPLES; e++) {
                assertEquals(reference[e], other[e], 1e-5 * Math.abs(reference[e]),
                        "chunk " + chunkAndBatch[0] + ", batch " + chunkAndBatch[1] + ", example " + e);
            }
        }
        double[] firstFive = model.estimator(SAMPLES, 100, 7)
                .logLikelihoods(split.slice(0, 5), new SplittableRandom(11));
        for (int e = 0; e < 5; e++) {
            assertEquals(reference[e], firstFive[e], 1e-5 * Math.abs(reference[e]), "a prefix alone, example " + e);
        }
    }

    /**
     * Every chunk size from 1 (K passes of one sample) to K (one pass holding all) gives each
     * example's estimate of one pass holding all, at every batch size. The log-sum-exp adds an
     * example's K log weights in sample order whatever the chunk (so, given the same log weights, to
     * the bit: RunningLogSumExpSplitTest); what may differ are the log weights themselves, computed in
     * float32 by a graph of {@code chunk * batch} rows, whose matrix products ND4J may block
     * differently for different row counts. An estimate moves by at most the largest change of one
     * of its log weights (the log-sum-exp's gradient is a softmax, summing to 1); each log weight is
     * a few dozen float32 operations on terms of at most about its own size, so it changes by at most
     * some dozens of float32 ulps of its size: the test allows 2^-17 relative, 64 ulps of float32.
     * (On ND4J's CPU backend the estimates came out identical to the bit for every chunk size, as it
     * prints; the test does not require that of other backends.)
     */
    @Test
    void everyChunkSizeFromOneToAllGivesTheEstimateOfOnePass() {
        Model model = Model.create();
        DataSplit split = data();
        double[] onePass = model.estimator(SAMPLES, SAMPLES, EXAMPLES).logLikelihoods(split, new SplittableRandom(11));
        double largest = 0;
        for (int[] chunkAndBatch : new int[][] {{1, EXAMPLES}, {3, 7}, {64, EXAMPLES}, {249, 6}, {SAMPLES, 1}}) {
            double[] other = model.estimator(SAMPLES, chunkAndBatch[0], chunkAndBatch[1])
                    .logLikelihoods(split, new SplittableRandom(11));
            for (int e = 0; e < EXAMPLES; e++) {
                largest = Math.max(largest, Math.abs(other[e] - onePass[e]) / Math.abs(onePass[e]));
                assertEquals(onePass[e], other[e], FLOAT_TOLERANCE * Math.abs(onePass[e]),
                        "chunk " + chunkAndBatch[0] + ", batch " + chunkAndBatch[1] + ", example " + e);
            }
        }
        System.out.println("IwaeChunkingTest largest relative change over chunk sizes " + largest);
    }

    @Test
    void theSeedDeterminesTheEstimate() {
        Model model = Model.create();
        DataSplit split = data();
        ImportanceSampling estimator = model.estimator(SAMPLES, 100, 7);
        double[] first = estimator.logLikelihoods(split, new SplittableRandom(11));
        assertArrayEquals(first, estimator.logLikelihoods(split, new SplittableRandom(11)), "same seed, same bits");
        double[] other = estimator.logLikelihoods(split, new SplittableRandom(12));
        for (int e = 0; e < EXAMPLES; e++) {
            assertNotEquals(first[e], other[e], "another seed, another estimate, example " + e);
        }
        assertEquals(Arrays.stream(first).average().orElseThrow(),
                estimator.meanLogLikelihood(split, new SplittableRandom(11)), 1e-12, "the mean is over examples");

        TestModels.setValues(model.graph.sameDiff(), "decoder/out/b", new double[WIDTH]);
        assertArrayEquals(first, estimator.logLikelihoods(split, new SplittableRandom(11)),
                "the estimator keeps the weights it was made with");
    }

    @Test
    void refusesNonPositiveSizes() {
        Model model = Model.create();
        assertThrows(IllegalArgumentException.class, () -> model.estimator(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> model.estimator(10, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> model.estimator(10, 10, 0));
    }

    private static DataSplit data() {
        return new DataSplit(TestModels.binaryValues(new SplittableRandom(4), EXAMPLES * WIDTH), null, WIDTH);
    }

    /** A Bernoulli VAE with one hidden layer of 8 tanh units in encoder and decoder, and its parts. */
    private record Model(ModelParts parts, VaeGraph graph) {

        static Model create() {
            String mlp = "{type: mlp, hidden: [8], activation: tanh}";
            ModelParts parts = new ModelParts(TestModels.component(Family.ENCODER, mlp),
                    TestModels.component(Family.DECODER, mlp), TestModels.BERNOULLI, TestModels.beta(1.0),
                    TestModels.VAE, TestModels.shape(WIDTH), LATENT);
            return new Model(parts, parts.build(1, new SplittableRandom(6)));
        }

        ImportanceSampling estimator(int samples, int chunk, int batchSize) {
            return ImportanceSampling.of(graph, parts, samples, chunk, batchSize);
        }
    }
}
