package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.core.spec.Names;
import org.vaelab.core.spec.Problem;
import org.vaelab.core.spec.Problems;
import org.vaelab.core.spec.RecordBinder;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.YamlTreeReader;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Family;
import org.vaelab.spi.Param;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.optim.Optimizer;

/**
 * The contract every registered component passes, found through the registry rather than listed
 * by hand: it binds from its documented defaults (or asks only for keys documented as required),
 * rejects each out-of-range option and unknown keys with a message naming them, and, in a small
 * VAE on random data, gives outputs of the right shape, a finite loss, finite gradients, and
 * identical results for the same seed.
 */
class ComponentContractTest {

    private static final DataShape IMAGE = DataShape.image(1, 28, 28, ValueRange.UNIT_INTERVAL, 0);
    private static final DataShape REAL = new DataShape(List.of(5), ValueRange.REAL, 0);
    private static final int LATENT = 3;
    private static final int BATCH = 8;

    @TempDir
    static Path folder;

    @TestFactory
    Stream<DynamicNode> everyRegisteredComponent() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Family<?> family : Family.ALL) {
            TestModels.CATALOG.factories(family).forEach((type, factory) -> nodes.add(DynamicContainer.dynamicContainer(
                    family + " '" + type + "'", contract(family, type, factory))));
        }
        return nodes.stream();
    }

    private static Stream<DynamicNode> contract(Family<?> family, String type, ComponentFactory<?, ?> factory) {
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("binds from its documented defaults", () -> {
            List<Problem> problems = bind(family, "{type: " + type + "}").list();
            for (Problem problem : problems) {
                assertEquals("spec/MissingKey", problem.id(), problem.format());
                String key = problem.path().substring(problem.path().lastIndexOf('.') + 1);
                assertEquals(Param.REQUIRED, param(factory, key).map(Param::defaultValue).orElse(Param.REQUIRED),
                        "only keys documented as required may be missing: " + problem.format());
            }
        }));
        tests.add(DynamicTest.dynamicTest("rejects an unknown key naming it", () -> {
            List<Problem> problems = bind(family, "{type: " + type + ", no_such_option: 1}").list();
            assertTrue(problems.stream().anyMatch(p -> p.id().equals("spec/UnknownKey")
                    && p.path().equals(family.name() + ".no_such_option")), problems.toString());
        }));
        for (RecordComponent option : factory.configType().getRecordComponents()) {
            outOfRange(option).ifPresent(value -> {
                String key = Names.snakeCase(option.getName());
                tests.add(DynamicTest.dynamicTest("rejects " + key + ": " + value, () -> {
                    List<Problem> problems = bind(family, "{type: " + type + ", " + key + ": " + value + "}").list();
                    assertTrue(problems.stream().anyMatch(p -> p.id().equals("spec/BadValue")
                            && p.path().equals(family.name() + "." + key)), problems.toString());
                }));
            });
        }
        if (bind(family, "{type: " + type + "}").list().isEmpty()) {
            tests.add(DynamicTest.dynamicTest("works with its defaults and is reproducible",
                    () -> behaves(family, "{type: " + type + "}")));
        }
        return tests.stream();
    }

    /** Checks what a component of each family must do, built twice from the same seed. */
    private static void behaves(Family<?> family, String yaml) throws Exception {
        if (family == Family.DATASET) {
            Dataset dataset = TestModels.component(Family.DATASET, yaml);
            DataSplits first = dataset.load(new LoadContext(folder, 5));
            DataSplits again = dataset.load(new LoadContext(folder, 5));
            for (DataSplit split : new DataSplit[] {first.train(), first.validation(), first.test()}) {
                assertTrue(split.size() > 0, "every split has examples");
                assertEquals(first.shape().size(), split.width());
            }
            assertEquals(digest(first), digest(again), "the same seed loads the same data");
        } else if (family == Family.KL_SCHEDULE) {
            KlSchedule schedule = TestModels.component(Family.KL_SCHEDULE, yaml);
            TrainingHorizon horizon = new TrainingHorizon(100, 3);
            for (long step = 0; step <= horizon.totalSteps() + 10; step += 7) {
                KlWeighting weighting = schedule.at(step, horizon);
                assertTrue(Double.isFinite(weighting.weight()) && Double.isFinite(weighting.capacity()), "step " + step);
            }
            assertStepsAreFiniteAndReproducible(graphs(null, null, null, schedule, null, IMAGE));
        } else if (family == Family.OPTIMIZER) {
            Optimizer optimizer = TestModels.component(Family.OPTIMIZER, yaml);
            assertStepsAreFiniteAndReproducible(graphs(null, null, null, null, null, IMAGE), optimizer);
        } else if (family == Family.ENCODER) {
            Encoder encoder = TestModels.component(Family.ENCODER, yaml);
            assertStepsAreFiniteAndReproducible(graphs(encoder, null, null, null, null, IMAGE));
        } else if (family == Family.DECODER) {
            Decoder decoder = TestModels.component(Family.DECODER, yaml);
            assertStepsAreFiniteAndReproducible(graphs(null, decoder, null, null, null, IMAGE));
        } else if (family == Family.LIKELIHOOD) {
            Likelihood likelihood = TestModels.component(Family.LIKELIHOOD, yaml);
            DataShape shape = likelihood.incompatibility(IMAGE).isEmpty() ? IMAGE : REAL;
            assertStepsAreFiniteAndReproducible(graphs(null, null, likelihood, null, null, shape));
        } else if (family == Family.MODEL_FAMILY) {
            ModelFamily modelFamily = TestModels.component(Family.MODEL_FAMILY, yaml);
            assertStepsAreFiniteAndReproducible(graphs(null, null, null, null, modelFamily, IMAGE));
        }
    }

    /** Two identical graphs, the given parts in place and mlp, bernoulli, beta and vae elsewhere. */
    private static VaeGraph[] graphs(Encoder encoder, Decoder decoder, Likelihood likelihood, KlSchedule schedule,
                                     ModelFamily family, DataShape shape) {
        VaeGraph[] graphs = new VaeGraph[2];
        ModelFamily objective = family != null ? family : TestModels.VAE;
        for (int i = 0; i < 2; i++) {
            graphs[i] = new ModelParts(
                    encoder != null ? encoder : TestModels.component(Family.ENCODER, "{type: mlp, hidden: [16]}"),
                    decoder != null ? decoder : TestModels.component(Family.DECODER, "{type: mlp, hidden: [16]}"),
                    likelihood != null ? likelihood : TestModels.BERNOULLI,
                    schedule != null ? schedule : TestModels.beta(1.0), objective, shape, LATENT)
                    .build(objective.samples(1), new SplittableRandom(11));
        }
        return graphs;
    }

    private static void assertStepsAreFiniteAndReproducible(VaeGraph[] graphs) {
        assertStepsAreFiniteAndReproducible(graphs, TestModels.adam(1e-3));
    }

    /** Output shapes, a finite loss and gradients, then two training steps that agree to the bit. */
    private static void assertStepsAreFiniteAndReproducible(VaeGraph[] graphs, Optimizer optimizer) {
        VaeGraph graph = graphs[0];
        int width = (int) graph.sameDiff().getVariable(VaeGraph.X).getShape()[1];
        SplittableRandom random = new SplittableRandom(3);
        INDArray x = TestModels.binary(random, BATCH, width);
        INDArray eps = TestModels.gaussian(random, graph.samples() * BATCH, LATENT);
        Map<String, INDArray> feed = TestModels.feed(x, eps, 1.0, 0.0);
        Map<String, INDArray> out = graph.sameDiff().output(feed, VaeGraph.LOSS, VaeGraph.Z_MEAN, VaeGraph.X_MEAN);
        assertEquals(List.of((long) BATCH, (long) LATENT), List.of(out.get(VaeGraph.Z_MEAN).shape()[0], out.get(VaeGraph.Z_MEAN).shape()[1]));
        assertEquals(List.of((long) graph.samples() * BATCH, (long) width), List.of(out.get(VaeGraph.X_MEAN).shape()[0], out.get(VaeGraph.X_MEAN).shape()[1]));
        assertTrue(Double.isFinite(out.get(VaeGraph.LOSS).getDouble(0)), "finite loss");
        Map<String, INDArray> gradients = graph.sameDiff().calculateGradients(feed, TestModels.parameterNames(graph.sameDiff()));
        gradients.forEach((name, gradient) -> assertFalse(gradient.isNaN().any() || gradient.isInfinite().any(),
                "finite gradient of " + name));

        List<List<Double>> losses = new ArrayList<>();
        for (VaeGraph copy : graphs) {
            DataSplits data = TestModels.syntheticSplits(2 * BATCH, width, 4);
            List<Double> run = new ArrayList<>();
            Trainer trainer = new Trainer(copy, optimizer, TestModels.beta(1.0), BATCH, new RandomStreams(9),
                    TrainingHorizon.of(data.train().size(), BATCH, 1));
            trainer.trainEpoch(data, (step, values) -> run.add(values.loss()));
            losses.add(run);
        }
        assertTrue(losses.get(0).stream().allMatch(Double::isFinite), losses.toString());
        assertEquals(losses.get(0), losses.get(1), "the same seed gives the same losses");
    }

    private static Problems bind(Family<?> family, String yaml) {
        Problems problems = new Problems();
        SpecNode node = new YamlTreeReader(problems, null).read(yaml).orElseThrow();
        new RecordBinder(TestModels.CATALOG, problems).bindComponent(family, node, family.name());
        return problems;
    }

    private static Optional<Param> param(ComponentFactory<?, ?> factory, String key) {
        for (RecordComponent option : factory.configType().getRecordComponents()) {
            if (Names.snakeCase(option.getName()).equals(key)) {
                return Optional.ofNullable(option.getAnnotation(Param.class));
            }
        }
        return Optional.empty();
    }

    /** A value just outside the option's documented bounds, if it has numeric bounds. */
    private static Optional<String> outOfRange(RecordComponent option) {
        Param param = option.getAnnotation(Param.class);
        Class<?> type = option.getType();
        boolean number = type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == double.class || type == Double.class;
        if (param == null || !number) {
            return Optional.empty();
        }
        boolean whole = type != double.class && type != Double.class;
        if (param.min() != Double.NEGATIVE_INFINITY) {
            return Optional.of(whole ? Long.toString((long) Math.ceil(param.min()) - 1) : Double.toString(param.min() - 1));
        }
        if (param.above() != Double.NEGATIVE_INFINITY) {
            return Optional.of(whole ? Long.toString((long) Math.floor(param.above())) : Double.toString(param.above()));
        }
        if (param.max() != Double.POSITIVE_INFINITY) {
            return Optional.of(whole ? Long.toString((long) Math.floor(param.max()) + 1) : Double.toString(param.max() + 1));
        }
        return Optional.empty();
    }

    private static String digest(DataSplits splits) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        splits.train().updateDigest(digest);
        splits.validation().updateDigest(digest);
        splits.test().updateDigest(digest);
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
