package org.vaelab.core.train;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.data.DataSplit;

/**
 * Computes the ELBO, its terms and the reconstruction errors over a whole split, in batches, without training.
 *
 * <p>The forward graph runs through a {@link ForwardPass}, compiled per batch shape and run on
 * {@link EngineThreads#count()} threads, as training runs; keep one evaluator for as long as the
 * graph is evaluated, so that its plans are compiled once. A graph the plan cannot run is
 * evaluated by SameDiff's session.
 */
public final class Evaluator {

    private final VaeGraph graph;
    private final int batchSize;
    private final String[] outputs;
    private final ForwardPass pass;

    public Evaluator(VaeGraph graph, int batchSize) {
        this(graph, batchSize, ForwardPass.compiled());
    }

    /** An evaluator whose batches run on {@code engine}. */
    Evaluator(VaeGraph graph, int batchSize, ForwardPass.Engine engine) {
        this.graph = graph;
        this.batchSize = batchSize;
        this.outputs = graph.hasCrossEntropy()
                ? new String[] {VaeGraph.LOG_PX, VaeGraph.KL, VaeGraph.RECON_MSE, VaeGraph.RECON_BCE}
                : new String[] {VaeGraph.LOG_PX, VaeGraph.KL, VaeGraph.RECON_MSE};
        this.pass = engine.on(graph, List.of(outputs));
    }

    /** The split's mean ELBO terms, with noise from {@code noise}. */
    public ElboTerms evaluate(DataSplit split, RandomGenerator noise) {
        return evaluate(split, noise, rows -> { });
    }

    /** {@link #evaluate(DataSplit, RandomGenerator)}, telling {@code examplesDone} the rows of each batch evaluated. */
    public ElboTerms evaluate(DataSplit split, RandomGenerator noise, IntConsumer examplesDone) {
        double[] sums = new double[4];
        forEachBatch(split, noise, (start, out) -> {
            for (int i = 0; i < outputs.length; i++) {
                sums[i] += out.get(outputs[i]).sumNumber().doubleValue();
            }
            examplesDone.accept(Math.min(batchSize, split.size() - start));
        });
        double logPxSum = sums[0];
        double klSum = sums[1];
        int n = split.size();
        return new ElboTerms((logPxSum - klSum) / n, -logPxSum / n, klSum / n, sums[2] / n,
                graph.hasCrossEntropy() ? OptionalDouble.of(sums[3] / n) : OptionalDouble.empty(), n);
    }

    /**
     * The ELBO of every example of the split, in split order, in nats: with the same {@code noise},
     * their mean is the {@link ElboTerms#elbo()} of {@link #evaluate}.
     */
    public double[] elbos(DataSplit split, RandomGenerator noise) {
        double[] elbos = new double[split.size()];
        forEachBatch(split, noise, (start, out) -> {
            double[] logPx = out.get(VaeGraph.LOG_PX).toDoubleVector();
            double[] kl = out.get(VaeGraph.KL).toDoubleVector();
            for (int i = 0; i < logPx.length; i++) {
                elbos[start + i] = logPx[i] - kl[i];
            }
        });
        return elbos;
    }

    /**
     * Runs the graph over the split in batches, each with fresh noise, handing the outputs to
     * {@code batch}; the feed is closed once {@code batch} has read them, so its native memory is
     * freed at once, not at the next collection.
     */
    private void forEachBatch(DataSplit split, RandomGenerator noise, BatchOutputs batch) {
        for (int start = 0; start < split.size(); start += batchSize) {
            int rows = Math.min(batchSize, split.size() - start);
            INDArray eps = GaussianNoise.sample(noise, graph.samples() * rows, graph.latentDim());
            Map<String, INDArray> feed = GraphFeed.ofRows(graph, split, start, rows, eps);
            int first = start;
            pass.run(feed, values -> batch.accept(first, values));
            HostArrays.free(feed.values());
        }
    }

    /** What one batch gave: its first example's index in the split and the outputs asked for. */
    @FunctionalInterface
    private interface BatchOutputs {
        void accept(int start, Map<String, INDArray> outputs);
    }
}
