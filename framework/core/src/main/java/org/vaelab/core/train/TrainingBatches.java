package org.vaelab.core.train;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * One epoch of training batches in a shuffled order. Each batch carries the graph's four
 * placeholders: the examples, fresh noise, and the KL weighting of its global step.
 * The last batch is smaller when the split does not divide evenly.
 */
final class TrainingBatches implements MultiDataSetIterator {

    private static final long serialVersionUID = 1L;

    private final transient DataSplit split;
    private final transient BatchTransform transform;
    private final transient RandomGenerator batchRandom;
    private final transient RandomGenerator noise;
    private final transient KlSchedule schedule;
    private final TrainingHorizon horizon;
    private final int batchSize;
    private final int samples;
    private final int latentDim;
    private final int[] order;
    private final float[] buffer;
    private int cursor;
    private long step;
    private KlWeighting lastWeighting;

    TrainingBatches(DataSplit split, BatchTransform transform, int batchSize, int samples, int latentDim,
                    RandomGenerator batchRandom, RandomGenerator noise, KlSchedule schedule,
                    TrainingHorizon horizon, long firstStep) {
        this.split = split;
        this.transform = transform;
        this.batchSize = batchSize;
        this.samples = samples;
        this.latentDim = latentDim;
        this.batchRandom = batchRandom;
        this.noise = noise;
        this.schedule = schedule;
        this.horizon = horizon;
        this.order = shuffledOrder(split.size(), batchRandom);
        this.buffer = new float[batchSize * split.width()];
        this.step = firstStep;
    }

    /** The number of batches in an epoch of {@code size} examples. */
    static long batchesPerEpoch(int size, int batchSize) {
        return (size + batchSize - 1) / batchSize;
    }

    /** The KL weighting of the batch returned last. */
    KlWeighting lastWeighting() {
        return lastWeighting;
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
    public MultiDataSet next() {
        int rows = Math.min(batchSize, order.length - cursor);
        for (int r = 0; r < rows; r++) {
            split.copyRow(order[cursor + r], buffer, r);
        }
        cursor += rows;
        int width = split.width();
        transform.apply(buffer, rows, width, batchRandom);
        INDArray x = Nd4j.create(java.util.Arrays.copyOf(buffer, rows * width), new long[] {rows, width}, 'c');
        INDArray eps = GaussianNoise.sample(noise, samples * rows, latentDim);
        lastWeighting = schedule.at(step, horizon);
        step++;
        INDArray weight = Nd4j.scalar((float) lastWeighting.weight());
        INDArray capacity = Nd4j.scalar((float) lastWeighting.capacity());
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x, eps, weight, capacity}, null);
    }

    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("batches have the spec's size");
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("batches are not preprocessed");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public boolean resetSupported() {
        return false;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("one instance per epoch");
    }
}
