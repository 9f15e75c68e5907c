package org.vaelab.core.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.core.train.EngineThreads;
import org.vaelab.core.train.ForwardPass;
import org.vaelab.core.train.GraphFeed;
import org.vaelab.core.train.HostArrays;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.SplitRows;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataSplit;

/**
 * The importance-weighted estimate of log p(x) of Burda, Grosse and Salakhutdinov 2016,
 * "Importance Weighted Autoencoders", eq. 8: with K draws {@code z_k ~ q(z|x)},
 * <pre>log p(x) &gt;= L_K = E[log (1/K) sum_k w_k],   w_k = p(x|z_k) N(z_k; 0, I) / q(z_k|x),</pre>
 * a bound that equals the ELBO at K = 1, never decreases as K grows and, the weights being
 * bounded, tends to log p(x) as K goes to infinity (their theorem 1). Each example's estimate is
 * {@code logsumexp_k(log w_k) - log K}, in nats with all normalising constants, the log weights
 * coming from the graph's {@link VaeGraph#LOG_WEIGHT} output and the log-sum-exp taken in double
 * precision, one term at a time, so any K is stable.
 *
 * <p>Memory stays bounded whatever K is: the model is built again with {@code chunk} samples per
 * example (see {@link ModelParts#withWeightsOf}) and each batch of {@code batchSize} examples runs
 * through it {@code ceil(K / chunk)} times, so one forward pass holds at most
 * {@code chunk * batchSize} rows of z, whatever K is. A last, partial chunk feeds zero noise to the
 * unused samples and ignores their weights.
 *
 * <p>Every example draws its noise from its own stream, seeded by one {@code nextLong()} of the
 * generator passed in, in example order, and takes its K draws from it in sample order. So an
 * example's estimate depends on the seed and its position, never on {@code chunk} or
 * {@code batchSize}, and the first n examples of a split get the same estimates as a slice of them.
 *
 * <p>The passes run on the training engine ({@link ForwardPass#compiled()}): a compiled plan per
 * shape of the feed, on {@link EngineThreads#count()} threads, the same digits for any count.
 */
public final class ImportanceSampling {

    private static final int BOUNDED_SAMPLES = 100;
    private static final int BOUNDED_EXAMPLES = 20;

    private final VaeGraph graph;
    private final ForwardPass pass;
    private final int samples;
    private final int batchSize;

    private ImportanceSampling(VaeGraph graph, ForwardPass.Engine engine, int samples, int batchSize) {
        this.graph = graph;
        this.pass = engine.on(graph, List.of(VaeGraph.LOG_WEIGHT));
        this.samples = samples;
        this.batchSize = batchSize;
    }

    /**
     * An estimator with the current weights of {@code trained}; later training does not change it.
     *
     * @param parts the components {@code trained} was built from
     * @param samples K, importance samples per example
     * @param chunk samples per forward pass (capped at K)
     * @param batchSize examples per forward pass
     */
    public static ImportanceSampling of(VaeGraph trained, ModelParts parts, int samples, int chunk, int batchSize) {
        return of(trained, parts, samples, chunk, batchSize, ForwardPass.compiled());
    }

    /**
     * An estimator as {@link #of(VaeGraph, ModelParts, int, int, int)}, its forward passes run on
     * {@code engine}.
     */
    public static ImportanceSampling of(VaeGraph trained, ModelParts parts, int samples, int chunk, int batchSize,
                                        ForwardPass.Engine engine) {
        requirePositive("samples", samples);
        requirePositive("chunk", chunk);
        requirePositive("batchSize", batchSize);
        return new ImportanceSampling(parts.withWeightsOf(trained, Math.min(samples, chunk)), engine, samples,
                batchSize);
    }

    /**
     * An estimator with {@value #BOUNDED_SAMPLES} samples and {@value #BOUNDED_EXAMPLES} examples
     * per forward pass: 2,000 rows of z, memory bounded whatever K is. (With 100 examples per pass,
     * 10,000 rows, the quickstart's resident memory peaked 110 to 210 MB higher, for the same
     * estimates.)
     */
    public static ImportanceSampling bounded(VaeGraph trained, ModelParts parts, int samples) {
        return of(trained, parts, samples, BOUNDED_SAMPLES, BOUNDED_EXAMPLES);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** The estimate of log p(x) of every example of {@code split}, in nats, in split order. */
    public double[] logLikelihoods(DataSplit split, RandomGenerator noise) {
        return logLikelihoods(split, noise, rows -> { });
    }

    /**
     * {@link #logLikelihoods(DataSplit, RandomGenerator)}, telling {@code examplesDone} the rows of each batch once
     * its estimates are made.
     */
    public double[] logLikelihoods(DataSplit split, RandomGenerator noise, IntConsumer examplesDone) {
        double[] estimates = new double[split.size()];
        for (int start = 0; start < split.size(); start += batchSize) {
            int rows = Math.min(batchSize, split.size() - start);
            RandomGenerator[] streams = new RandomGenerator[rows];
            for (int i = 0; i < rows; i++) {
                streams[i] = new SplittableRandom(noise.nextLong());
            }
            RunningLogSumExp sums = new RunningLogSumExp(rows);
            INDArray x = SplitRows.of(split, start, rows);
            int[] labels = SplitRows.labels(split, start, rows);
            for (int first = 0; first < samples; first += graph.samples()) {
                int drawn = Math.min(graph.samples(), samples - first);
                Map<String, INDArray> feed = GraphFeed.of(graph, x, labels, noise(streams, drawn));
                pass.run(feed, values -> {
                    double[] logWeights = values.get(VaeGraph.LOG_WEIGHT).toDoubleVector();
                    for (int s = 0; s < drawn; s++) {
                        for (int i = 0; i < rows; i++) {
                            sums.add(i, logWeights[s * rows + i]);
                        }
                    }
                });
                feed.remove(VaeGraph.X); // the batch's x serves every chunk of samples
                HostArrays.free(feed.values());
            }
            HostArrays.free(List.of(x));
            for (int i = 0; i < rows; i++) {
                estimates[start + i] = sums.logSum(i) - Math.log(samples);
            }
            examplesDone.accept(rows);
        }
        return estimates;
    }

    /**
     * The mean over the examples of {@code split} of {@link #logLikelihoods}, in nats per example;
     * NaN when the split is empty.
     */
    public double meanLogLikelihood(DataSplit split, RandomGenerator noise) {
        return meanLogLikelihood(split, noise, rows -> { });
    }

    /** {@link #meanLogLikelihood(DataSplit, RandomGenerator)}, telling {@code examplesDone} as it goes. */
    public double meanLogLikelihood(DataSplit split, RandomGenerator noise, IntConsumer examplesDone) {
        return Arrays.stream(logLikelihoods(split, noise, examplesDone)).average().orElse(Double.NaN);
    }

    /**
     * The noise of one chunk, {@code [chunk * rows, latentDim]}, sample-major: row
     * {@code s * rows + i} is sample s of example i, drawn from {@code streams[i]}; samples from
     * {@code drawn} on stay zero.
     */
    private INDArray noise(RandomGenerator[] streams, int drawn) {
        int rows = streams.length;
        int latent = graph.latentDim();
        float[] values = new float[graph.samples() * rows * latent];
        for (int s = 0; s < drawn; s++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < latent; j++) {
                    values[(s * rows + i) * latent + j] = (float) streams[i].nextGaussian();
                }
            }
        }
        return HostArrays.matrix(values, graph.samples() * rows, latent);
    }
}
