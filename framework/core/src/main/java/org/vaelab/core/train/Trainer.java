package org.vaelab.core.train;

import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.learning.config.IUpdater;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.TrainingHorizon;

/** Trains a {@link VaeGraph} one epoch at a time with SameDiff's own fitting loop. */
public final class Trainer {

    private final VaeGraph graph;
    private final KlSchedule schedule;
    private final RandomStreams streams;
    private final int batchSize;
    private long globalStep;

    /**
     * @param updater the optimizer; its state lives in the graph from the first step on
     */
    public Trainer(VaeGraph graph, IUpdater updater, KlSchedule schedule, int batchSize, RandomStreams streams) {
        this.graph = graph;
        this.schedule = schedule;
        this.batchSize = batchSize;
        this.streams = streams;
        graph.sameDiff().setTrainingConfig(TrainingConfig.builder()
                .updater(updater)
                .dataSetFeatureMapping(VaeGraph.X, VaeGraph.EPS, VaeGraph.KL_WEIGHT, VaeGraph.KL_CAPACITY)
                .markLabelsUnused()
                .build());
    }

    /** The horizon of training {@code epochs} epochs on {@code data}. */
    public TrainingHorizon horizon(DataSplits data, int epochs) {
        return new TrainingHorizon(TrainingBatches.batchesPerEpoch(data.train().size(), batchSize), epochs);
    }

    /** Runs one epoch over the training split, telling {@code observer} about every step. */
    public void trainEpoch(DataSplits data, TrainingHorizon horizon, StepObserver observer) {
        TrainingBatches batches = new TrainingBatches(data.train(), data.trainTransform(), batchSize, graph.samples(),
                graph.latentDim(), streams.batchOrder(), streams.trainingNoise(), schedule, horizon, globalStep);
        StepListener listener = new StepListener(batches, observer, globalStep);
        graph.sameDiff().fit(batches, 1, listener);
        globalStep += horizon.stepsPerEpoch();
    }

    /** Optimizer steps taken so far. */
    public long globalStep() {
        return globalStep;
    }
}
