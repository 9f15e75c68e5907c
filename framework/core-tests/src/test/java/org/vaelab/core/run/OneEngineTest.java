package org.vaelab.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.spec.SpecLoader;
import org.vaelab.core.train.ModelParts;
import org.vaelab.core.train.RandomStreams;
import org.vaelab.core.train.Trainer;
import org.vaelab.core.train.TrainingStep;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * Every shipped config's model trains on the compiled engine, the one every run uses: on one, two
 * and three threads to the same losses and parameters, bit for bit, as it does with every array of
 * its plans in a buffer of its own (without the memory planner), and along the trajectory of
 * SameDiff's own session (the engine before it) up to float rounding, over three epochs of five
 * steps on a slice of the config's data.
 */
class OneEngineTest {

    private static final Path CONFIGS = Path.of(System.getProperty("vaelab.root", "../..")).resolve("configs");
    private static final ComponentCatalog CATALOG = PluginLoader.load(OneEngineTest.class.getClassLoader());
    private static final int BATCH = 32;
    private static final int EPOCHS = 3;
    /** Relative distance allowed between the engines' losses: float rounding, grown over 15 steps of Adam. */
    private static final double ROUNDING = 2e-4;

    static Stream<String> configs() throws IOException {
        try (Stream<Path> files = Files.list(CONFIGS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void trainsTheSameOnAnyNumberOfThreadsAndAsSameDiffsSession(String config) throws IOException {
        SpecLoader loader = new SpecLoader(CATALOG, name -> null);
        Map<String, String> params = loader.load(CONFIGS.resolve(config), List.of()).params();
        Assumptions.assumeFalse("digits".equals(params.get("data.variant")), "the digits are not on this machine");
        Assumptions.assumeFalse(List.of("npy", "binarized_mnist", "hdf5").contains(params.get("data.type")),
                "its files are not on a fresh machine (ShippedConfigsTest runs it on files NumPy or h5py write)");
        List<String> overrides = new ArrayList<>(List.of("train.batch_size=" + BATCH));
        if ("mnist".equals(params.get("data.type"))) {
            overrides.addAll(List.of("data.train_limit=" + 5 * BATCH, "data.validation=50", "data.test_limit=50"));
        }
        ExperimentSpec spec = loader.load(CONFIGS.resolve(config), overrides).spec();
        DataSplits data = slice(CATALOG.create(Family.DATASET, spec.data())
                .load(new LoadContext(CONFIGS, spec.seed())));
        ModelParts parts = Assembly.parts(spec, CATALOG, data.shape());

        Trained one = train(spec, parts, data, graph -> TrainingStep.of(graph, 1));
        Trained two = train(spec, parts, data, graph -> TrainingStep.of(graph, 2));
        Trained three = train(spec, parts, data, graph -> TrainingStep.of(graph, 3));
        Trained unplanned = train(spec, parts, data, graph -> TrainingStep.withoutMemoryPlanner(graph, 2));
        Trained session = train(spec, parts, data, TrainingStep::reference);

        assertEquals("compiled", one.kind(), config + " trains on the compiled engine");
        assertEquals(one.losses(), two.losses(), config + ": losses on one and on two threads");
        assertEquals(one.losses(), three.losses(), config + ": losses on one and on three threads");
        assertEquals(one.losses(), unplanned.losses(), config + ": losses with and without the memory planner");
        for (int i = 0; i < one.parameters().size(); i++) {
            assertArrayEquals(one.parameters().get(i), three.parameters().get(i),
                    config + ": a parameter after training");
            assertArrayEquals(one.parameters().get(i), unplanned.parameters().get(i),
                    config + ": a parameter after training without the memory planner");
        }
        for (int step = 0; step < one.losses().size(); step++) {
            double expected = session.losses().get(step);
            double actual = one.losses().get(step);
            assertTrue(Math.abs(actual - expected) <= ROUNDING * Math.abs(expected), config + ", step " + (step + 1)
                    + ": the compiled engine's loss " + actual + ", SameDiff's session's " + expected);
        }
    }

    private static Trained train(ExperimentSpec spec, ModelParts parts, DataSplits data,
                                 Function<VaeGraph, TrainingStep> engine) {
        RandomStreams streams = new RandomStreams(spec.seed());
        VaeGraph graph = parts.build(parts.family().samples(spec.train().mcSamples()), streams.initialWeights());
        TrainingStep step = engine.apply(graph);
        Trainer trainer = new Trainer(graph, step, CATALOG.create(Family.OPTIMIZER, spec.optimizer()), parts.schedule(),
                BATCH, streams, TrainingHorizon.of(data.train().size(), BATCH, EPOCHS));
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            trainer.epoch(data).forEach(values -> losses.add(values.loss()));
        }
        List<float[]> parameters = graph.parameterNames().stream()
                .map(name -> graph.sameDiff().getArrForVarName(name).dup().data().asFloat()).toList();
        return new Trained(step.kind(), losses, parameters);
    }

    /** At most five batches of the training split; the rest as it is. */
    private static DataSplits slice(DataSplits data) {
        return new DataSplits(data.train().slice(0, Math.min(5 * BATCH, data.train().size())), data.validation(),
                data.test(), data.shape(), data.trainTransform());
    }

    private record Trained(String kind, List<Double> losses, List<float[]> parameters) {
    }
}
