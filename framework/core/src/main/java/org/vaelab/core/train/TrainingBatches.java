package org.vaelab.core.train;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.nn.DropoutMasks;

/**
 * One epoch of training batches in a shuffled order (Fisher-Yates with the epoch's batch-order
 * stream). Each batch carries the examples (and their labels for a conditional model), fresh reparameterisation noise
 * and dropout masks from the epoch's noise stream, and the KL weighting of its global step. The last batch is smaller
 * when the split does not divide evenly.
 */
final class TrainingBatches implements Iterator<TrainingBatch> {

    private final DataSplit split;
    private final BatchTransform transform;
    private final RandomGenerator batchRandom;
    private final RandomGenerator noise;
    private final RandomGenerator permutations;
    private final KlSchedule schedule;
    private final TrainingHorizon horizon;
    private final int batchSize;
    private final VaeGraph graph;
    private final int samples;
    private final int latentDim;
    private final List<DropoutMasks.Mask> dropoutMasks;
    private final int[] order;
    private final float[] buffer;
    private int cursor;
    private long step;

    /**
     * Batches for training {@code graph}, the first at global step {@code firstStep}; {@code permutations} draws the
     * permuted codes of a graph with auxiliary networks ({@link CodePermutations}).
     */
    TrainingBatches(DataSplit split, BatchTransform transform, int batchSize, VaeGraph graph,
                    RandomGenerator batchRandom, RandomGenerator noise, RandomGenerator permutations,
                    KlSchedule schedule, TrainingHorizon horizon, long firstStep) {
        this.split = split;
        this.transform = transform;
        this.batchSize = batchSize;
        this.graph = graph;
        this.samples = graph.samples();
        this.latentDim = graph.latentDim();
        this.dropoutMasks = graph.dropoutMasks();
        this.batchRandom = batchRandom;
        this.noise = noise;
        this.permutations = permutations;
        this.schedule = schedule;
        this.horizon = horizon;
        this.order = shuffledOrder(split.size(), batchRandom);
        this.buffer = new float[batchSize * split.width()];
        this.step = firstStep;
    }

    private static int[] shuffledOrder(int size, RandomGenerator random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public TrainingBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch is over");
        }
        int rows = Math.min(batchSize, order.length - cursor);
        int[] labels = split.hasLabels() ? new int[rows] : null;
        for (int r = 0; r < rows; r++) {
            split.copyRow(order[cursor + r], buffer, r);
            if (labels != null) {
                labels[r] = split.label(order[cursor + r]).orElseThrow();
            }
        }
        cursor += rows;
        int width = split.width();
        transform.apply(buffer, rows, width, batchRandom);
        INDArray x = HostArrays.matrix(buffer, rows, width);
        INDArray eps = GaussianNoise.sample(noise, samples * rows, latentDim);
        KlWeighting weighting = schedule.at(step, horizon);
        step++;
        Map<String, INDArray> feed = GraphFeed.of(graph, x, labels, eps);
        GraphFeed.putPriorSample(feed, graph, noise, samples * rows);
        GraphFeed.putCodePermutations(feed, graph, permutations, samples * rows);
        feed.put(VaeGraph.KL_WEIGHT, Nd4j.scalar((float) weighting.weight()));
        feed.put(VaeGraph.KL_CAPACITY, Nd4j.scalar((float) weighting.capacity()));
        for (DropoutMasks.Mask mask : dropoutMasks) {
            feed.put(mask.name(), dropoutMask(mask, rows * mask.rowsPerExample()));
        }
        return new TrainingBatch(feed, weighting);
    }

    /** Entries {@code 1 / (1 - rate)} with probability {@code 1 - rate}, else 0 (inverted dropout). */
    private INDArray dropoutMask(DropoutMasks.Mask mask, int rows) {
        float keep = (float) (1 / (1 - mask.rate()));
        float[] values = new float[rows * mask.width()];
        for (int i = 0; i < values.length; i++) {
            values[i] = noise.nextDouble() < mask.rate() ? 0f : keep;
        }
        return HostArrays.matrix(values, rows, mask.width());
    }
}
