package org.vaelab.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.train.Evaluator;
import org.vaelab.core.train.GraphFeed;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.RandomStreams;
import org.vaelab.core.train.SplitRows;
import org.vaelab.core.train.Trainer;
import org.vaelab.core.train.TrainingStep;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.nn.DropoutMasks;

/**
 * What a part of the model (encoder, decoder, likelihood, KL schedule, optimizer, model family)
 * must do, put in a small VAE of {@link ReferenceParts} on {@link ContractData} and trained by the
 * framework's own trainer, on the engine every run trains on: its outputs have their shapes and
 * the loss and every gradient are finite (dropout masks, if any, fed as all ones); two models from
 * the same seed train to the same losses, bit for bit, on one thread and on three alike, and to
 * those of SameDiff's own session up to float rounding; and a short training run (5 epochs of 10
 * steps) raises the ELBO of the training data.
 *
 * @param <T> the family's product
 */
public abstract class ModelPartContract<T> extends ComponentContract<T> {

    private static final int BATCH = 16;
    private static final int EPOCHS = 5;
    private static final long SEED = 11;
    /**
     * Relative distance allowed between the engine's losses and SameDiff's session's: float rounding over an epoch of
     * Adam.
     */
    private static final double ROUNDING = 2e-4;

    ModelPartContract(Family<T> family, String type, Map<String, ?> options) {
        super(family, type, options);
    }

    /** The model {@code reference} with {@code tested} in its place. */
    abstract ContractModel place(ContractModel reference, T tested);

    /**
     * The sizes of the tested part's parameter arrays in {@code model} for data of {@code shape},
     * as it counts them, for a network (encoder, decoder); empty for parts that do not count theirs.
     * (No framework type in the signature: a plugin's contract test compiles against the SPI and
     * the testkit alone.)
     */
    List<Long> countedParameterArrays(ContractModel model, DataShape shape) {
        return List.of();
    }

    /** The scope of the tested part's variables in a {@link VaeGraph}, for {@link #countedParameterArrays}. */
    String scope() {
        return "";
    }

    private ContractModel model() {
        return place(ContractModel.reference(), component());
    }

    @Test
    void givesOutputsOfTheirShapesAFiniteLossAndFiniteGradients() {
        DataSplits data = ContractData.images();
        DataShape shape = data.shape();
        VaeGraph graph = model().graph(shape, SEED);
        INDArray eps = gaussian(new SplittableRandom(3), graph.samples() * BATCH, ContractModel.LATENT);
        Map<String, INDArray> feed = GraphFeed.of(graph, SplitRows.of(data.train(), 0, BATCH),
                SplitRows.labels(data.train(), 0, BATCH), eps);
        GraphFeed.putPriorSample(feed, graph, new SplittableRandom(4), graph.samples() * BATCH);
        GraphFeed.putCodePermutations(feed, graph, new SplittableRandom(5), graph.samples() * BATCH);
        feed.put(VaeGraph.KL_WEIGHT, Nd4j.scalar(1f));
        feed.put(VaeGraph.KL_CAPACITY, Nd4j.scalar(0f));
        for (DropoutMasks.Mask mask : graph.dropoutMasks()) {
            feed.put(mask.name(), Nd4j.ones(DataType.FLOAT, (long) BATCH * mask.rowsPerExample(), mask.width()));
        }
        Map<String, INDArray> out = graph.sameDiff().output(feed, VaeGraph.LOSS, VaeGraph.Z_MEAN, VaeGraph.X_MEAN);
        assertArrayEquals(new long[] {BATCH, ContractModel.LATENT}, out.get(VaeGraph.Z_MEAN).shape(),
                "posterior means");
        assertArrayEquals(new long[] {(long) graph.samples() * BATCH, shape.size()}, out.get(VaeGraph.X_MEAN).shape(),
                "decoder means, one row per sample of z");
        assertTrue(Double.isFinite(out.get(VaeGraph.LOSS).getDouble(0)), "finite loss: " + out.get(VaeGraph.LOSS));
        graph.sameDiff().calculateGradients(feed, graph.parameterNames()).forEach((name, gradient) ->
                assertFalse(gradient.isNaN().any() || gradient.isInfinite().any(), "finite gradient of " + name));
    }

    @Test
    void countsItsParameterArraysAsItBuildsThem() {
        DataShape shape = ContractData.images().shape();
        List<Long> counted = countedParameterArrays(model(), shape);
        Assumptions.assumeFalse(counted.isEmpty(), "the part does not count its parameters");
        VaeGraph graph = model().graph(shape, SEED);
        List<Long> built = graph.parameterNames().stream().filter(name -> name.startsWith(scope() + "/"))
                .map(name -> graph.sameDiff().getArrForVarName(name).length()).sorted().toList();
        assertEquals(built, counted.stream().sorted().toList(), "the arrays counted without building, by size");
    }

    @Test
    void theSameSeedTrainsToTheSameLosses() {
        assertEquals(oneEpochOfLosses(TrainingStep::of), oneEpochOfLosses(TrainingStep::of),
                "two models from the same seed, trained an epoch each");
    }

    /**
     * The engine every run trains on gives the same losses on one thread and on three, bit for bit,
     * and those of SameDiff's own session up to float rounding.
     */
    @Test
    void trainsTheSameOnAnyNumberOfThreadsAndAsSameDiffsSession() {
        List<Double> one = oneEpochOfLosses(graph -> TrainingStep.of(graph, 1));
        assertEquals(one, oneEpochOfLosses(graph -> TrainingStep.of(graph, 3)), "losses on one and on three threads");
        List<Double> session = oneEpochOfLosses(TrainingStep::reference);
        for (int step = 0; step < one.size(); step++) {
            assertEquals(session.get(step), one.get(step), ROUNDING * Math.abs(session.get(step)),
                    "step " + (step + 1) + ": the engine's loss against SameDiff's session's");
        }
    }

    @Test
    void aShortTrainingRunRaisesTheElboOfTheTrainingData() {
        DataSplits data = ContractData.images();
        ContractModel model = model();
        ModelParts parts = model.parts(data.shape());
        VaeGraph graph = model.graph(data.shape(), SEED);
        double before = elbo(parts, graph, data);
        train(model, graph, TrainingStep.of(graph), data, EPOCHS);
        double after = elbo(parts, graph, data);
        assertTrue(after > before, "the training data's ELBO went from " + before + " to " + after + " nats in "
                + EPOCHS + " epochs");
    }

    /** The loss of every step of one epoch of a new model trained by {@code engine}'s step. */
    private List<Double> oneEpochOfLosses(Function<VaeGraph, TrainingStep> engine) {
        DataSplits data = ContractData.images();
        ContractModel model = model();
        VaeGraph graph = model.graph(data.shape(), SEED);
        return train(model, graph, engine.apply(graph), data, 1);
    }

    private static List<Double> train(ContractModel model, VaeGraph graph, TrainingStep step, DataSplits data,
            int epochs) {
        List<Double> losses = new ArrayList<>();
        Trainer trainer = new Trainer(graph, step, model.optimizer(), model.schedule(), BATCH, new RandomStreams(SEED),
                TrainingHorizon.of(data.train().size(), BATCH, epochs));
        for (int epoch = 0; epoch < epochs; epoch++) {
            trainer.epoch(data).forEach(values -> losses.add(values.loss()));
        }
        assertTrue(losses.stream().allMatch(Double::isFinite), "finite losses: " + losses);
        return losses;
    }

    private static double elbo(ModelParts parts, VaeGraph graph, DataSplits data) {
        return new Evaluator(parts.forEvaluation(graph), 2 * BATCH).evaluate(data.train(), new SplittableRandom(5))
                .elbo();
    }

    private static INDArray gaussian(SplittableRandom random, int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }
}
