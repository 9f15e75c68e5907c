package org.vaelab.core.train;

import java.util.List;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.optim.Optimizer;

/**
 * Trains a {@link VaeGraph} one epoch at a time: for each batch, one pass computes the loss, its
 * two terms and the gradients of every parameter, then the optimizer updates the parameters.
 */
public final class Trainer {

    private static final List<String> OUTPUTS = List.of(VaeGraph.LOSS, VaeGraph.RECON_LOSS, VaeGraph.KL_MEAN);

    private final VaeGraph graph;
    private final KlSchedule schedule;
    private final RandomStreams streams;
    private final int batchSize;
    private final ParameterUpdater updater;
    private long globalStep;
    private int epochsDone;

    public Trainer(VaeGraph graph, Optimizer optimizer, KlSchedule schedule, int batchSize, RandomStreams streams) {
        this.graph = graph;
        this.schedule = schedule;
        this.batchSize = batchSize;
        this.streams = streams;
        this.updater = new ParameterUpdater(graph.sameDiff(), optimizer);
    }

    /** The horizon of training {@code epochs} epochs on {@code data}. */
    public TrainingHorizon horizon(DataSplits data, int epochs) {
        return new TrainingHorizon(TrainingBatches.batchesPerEpoch(data.train().size(), batchSize), epochs);
    }

    /** Runs one epoch over the training split, telling {@code observer} about every step. */
    public void trainEpoch(DataSplits data, TrainingHorizon horizon, StepObserver observer) {
        TrainingBatches batches = new TrainingBatches(data.train(), data.trainTransform(), batchSize, graph.samples(),
                graph.latentDim(), streams.batchOrder(), streams.trainingNoise(), schedule, horizon, globalStep);
        while (batches.hasNext()) {
            TrainingBatch batch = batches.next();
            OutAndGrad result = graph.sameDiff().calculateGradientsAndOutputs(batch.feed(), OUTPUTS,
                    updater.parameterNames());
            updater.apply(result.getGradients(), globalStep, epochsDone);
            globalStep++;
            var outputs = result.getOutputs();
            observer.stepDone(globalStep, new StepValues(outputs.get(VaeGraph.LOSS).getDouble(0),
                    outputs.get(VaeGraph.RECON_LOSS).getDouble(0), outputs.get(VaeGraph.KL_MEAN).getDouble(0),
                    batch.weighting()));
        }
        epochsDone++;
    }

    /** Optimizer steps taken so far. */
    public long globalStep() {
        return globalStep;
    }
}
