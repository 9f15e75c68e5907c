package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.model.AuxiliaryNetwork;
import org.vaelab.spi.optim.Optimizer;

/**
 * Trains a {@link VaeGraph} one epoch at a time: for each batch, one pass computes the loss, its
 * two terms and the gradients of every parameter, then the optimizer updates the parameters; the
 * parameters of each of the family's auxiliary networks have an optimizer and state of their own. A
 * step whose loss is not finite stops training before it changes any parameter
 * ({@link TrainingDivergedException}), and the state between epochs can be saved and restored
 * ({@link Checkpoint}).
 */
public final class Trainer {


    private final VaeGraph graph;
    private final TrainingStep step;
    private final KlSchedule schedule;
    private final RandomStreams streams;
    private final int batchSize;
    /** The model's parameters' updater, then one per auxiliary network, each of its own parameters. */
    private final List<ParameterUpdater> updaters = new ArrayList<>();
    private final TrainingHorizon horizon;
    private long globalStep;
    private int epochsDone;

    /**
     * A trainer of {@code graph} by its {@link GraphStep}; see
     * {@link #Trainer(VaeGraph, TrainingStep, Optimizer, KlSchedule, int, RandomStreams, TrainingHorizon)}.
     */
    public Trainer(VaeGraph graph, Optimizer optimizer, KlSchedule schedule, int batchSize, RandomStreams streams,
                   TrainingHorizon horizon) {
        this(graph, TrainingStep.of(graph), optimizer, schedule, batchSize, streams, horizon);
    }

    /**
     * A trainer for {@code horizon}, the whole run, which KL and learning-rate schedules may be
     * defined over, computing each step's gradients with {@code step}.
     */
    public Trainer(VaeGraph graph, TrainingStep step, Optimizer optimizer, KlSchedule schedule, int batchSize,
                   RandomStreams streams, TrainingHorizon horizon) {
        this.graph = graph;
        this.step = step;
        this.schedule = schedule;
        this.batchSize = batchSize;
        this.streams = streams;
        this.horizon = horizon;
        List<String> model = new ArrayList<>(graph.parameterNames());
        List<ParameterUpdater> auxiliary = new ArrayList<>();
        for (AuxiliaryNetwork network : graph.auxiliaryNetworks()) {
            List<String> own = model.stream().filter(name -> name.startsWith(network.scope() + "/")).toList();
            model.removeAll(own);
            auxiliary.add(new ParameterUpdater(graph.sameDiff(), own, network.optimizer(), horizon, step.threads()));
        }
        updaters.add(new ParameterUpdater(graph.sameDiff(), model, optimizer, horizon, step.threads()));
        updaters.addAll(auxiliary);
    }

    /** How each step's gradients are computed: {@code compiled} or {@code session} ({@link GraphStep}). */
    public String stepKind() {
        return step.kind();
    }

    /** The run's length. */
    public TrainingHorizon horizon() {
        return horizon;
    }

    /**
     * The next epoch over the training split, trained as it is iterated: each step of the iteration
     * trains on one batch and yields that step's values; the epoch counts as done once its last
     * step is taken. Iterate it once, before asking for the next.
     *
     * @throws TrainingDivergedException from the iteration, when a step's loss is not finite; the
     *     parameters stay as they were before that step
     */
    public Iterable<StepValues> epoch(DataSplits data) {
        int epoch = epochsDone + 1;
        TrainingBatches batches = new TrainingBatches(data.train(), data.trainTransform(), batchSize, graph,
                streams.batchOrder(epoch), streams.trainingNoise(epoch), streams.codePermutations(epoch), schedule,
                horizon, globalStep);
        Iterator<StepValues> steps = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public StepValues next() {
                StepValues values = trainOn(batches.next(), epoch);
                if (!batches.hasNext()) {
                    epochsDone++;
                }
                return values;
            }
        };
        return () -> steps;
    }

    /** The model's optimizer's learning rate at the first step, before any scaling. */
    public double initialLearningRate() {
        return updaters.get(0).initialLearningRate();
    }

    /**
     * Multiplies the model's optimizer's learning rate (and with it the decoupled weight decay's) by
     * {@code scale} from the next step on: how a plateau schedule lowers it; an auxiliary network's
     * optimizer keeps its own. 1 leaves every update as it was, bit for bit.
     */
    public void scaleLearningRate(double scale) {
        updaters.get(0).scaleLearningRate(scale);
    }

    /** Trains the whole next epoch ({@link #epoch}) without looking at its steps. */
    public void trainEpoch(DataSplits data) {
        epoch(data).forEach(values -> { });
    }

    private StepValues trainOn(TrainingBatch batch, int epoch) {
        TrainingStep.Outcome outcome = step.compute(batch);
        StepValues values = outcome.values();
        requireFinite(values, globalStep + 1, epoch);
        for (ParameterUpdater updater : updaters) {
            updater.apply(outcome.gradients(), globalStep, epochsDone);
        }
        batch.close();
        globalStep++;
        return values;
    }

    private static void requireFinite(StepValues values, long step, int epoch) {
        if (Double.isFinite(values.loss())) {
            return;
        }
        String term = !Double.isFinite(values.reconLoss()) ? "the reconstruction term -log p(x|z)"
                : !Double.isFinite(values.kl()) ? "the KL term" : "the KL penalty";
        throw new TrainingDivergedException(String.format(Locale.ROOT,
                "the training loss became %s at step %d (epoch %d): %s is not finite (reconstruction %s, KL %s); "
                        + "the parameters are those before this step. Try a smaller optimizer.lr or "
                        + "optimizer.max_grad_norm",
                values.loss(), step, epoch, term, values.reconLoss(), values.kl()));
    }

    /** Optimizer steps taken so far. */
    public long globalStep() {
        return globalStep;
    }

    /** Epochs completed so far. */
    public int epochsDone() {
        return epochsDone;
    }

    /** The state to continue from after the epochs done so far, copied. */
    public Checkpoint checkpoint(double bestValidationElbo) {
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        Map<String, INDArray> optimizerState = new LinkedHashMap<>();
        for (ParameterUpdater updater : updaters) {
            for (String name : updater.parameterNames()) {
                parameters.put(name, graph.sameDiff().getArrForVarName(name).dup());
            }
            optimizerState.putAll(updater.state());
        }
        return new Checkpoint(epochsDone, globalStep, bestValidationElbo, parameters, optimizerState);
    }

    /**
     * Continues from {@code checkpoint}: the parameters, the optimizer state and the counters.
     *
     * @throws IllegalArgumentException when the checkpoint is of another model or optimizer
     */
    public void restore(Checkpoint checkpoint) {
        List<String> names = graph.parameterNames();
        if (!checkpoint.parameters().keySet().equals(Set.copyOf(names))) {
            throw new IllegalArgumentException("the checkpoint holds parameters "
                    + new TreeSet<>(checkpoint.parameters().keySet()) + ", the model has "
                    + new TreeSet<>(names));
        }
        for (String name : names) {
            INDArray parameter = graph.sameDiff().getArrForVarName(name);
            parameter.assign(Checkpoint.requireShape(name, checkpoint.parameters().get(name), parameter));
        }
        for (ParameterUpdater updater : updaters) {
            Map<String, INDArray> own = new LinkedHashMap<>(checkpoint.optimizerState());
            own.keySet().retainAll(updater.parameterNames());
            updater.restore(own);
        }
        globalStep = checkpoint.globalStep();
        epochsDone = checkpoint.epoch();
    }
}
