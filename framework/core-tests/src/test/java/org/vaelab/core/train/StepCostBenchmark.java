package org.vaelab.core.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * What one training step of the quickstart's model (784-400-20 MLP, Bernoulli, batch 128) costs,
 * part by part, in CPU time of the calling thread, so that it reads the same on a machine shared
 * with other work: the graph step and the dense step (loss and gradients), ND4J's Adam updater
 * and {@link HostAdam} over all 652,824 parameters, and a whole epoch (430 steps of 128 random grey
 * images, batch order and noise included) trained by each step. Medians of 5 repetitions of 100
 * steps after warm-up. A program, not a test: run it from {@code framework/core-tests} after
 * {@code mvn test-compile} with
 * <pre>{@code
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 java -cp target/test-classes:$(cat /tmp/cp.txt) org.vaelab.core.train.StepCostBenchmark
 * }</pre>
 */
public final class StepCostBenchmark {

    private static final int WIDTH = 784;
    private static final int LATENT = 20;
    private static final int BATCH = 128;
    private static final int STEPS = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StepCostBenchmark() {
    }

    public static void main(String[] args) {
        ModelParts parts = new ModelParts(TestModels.component(Family.ENCODER, "{type: mlp, hidden: [400]}"),
                TestModels.component(Family.DECODER, "{type: mlp, hidden: [400]}"), TestModels.BERNOULLI,
                TestModels.beta(1.0), TestModels.VAE, new DataShape(List.of(WIDTH), ValueRange.UNIT_INTERVAL, 0), LATENT);
        VaeGraph graph = parts.build(1, new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(2);
        TrainingBatch batch = new TrainingBatch(TestModels.feed(greyLevels(random, BATCH),
                TestModels.gaussian(random, BATCH, LATENT), 1, 0), new KlWeighting(1, 0));
        Map<String, Double> milliseconds = new LinkedHashMap<>();
        GraphStep graphStep = new GraphStep(graph);
        DenseStep denseStep = DenseStep.of(parts, graph);
        milliseconds.put("graph step: loss and gradients", perStep(() -> graphStep.compute(batch)));
        milliseconds.put("dense step: loss and gradients", perStep(() -> denseStep.compute(batch)));
        Map<String, INDArray> gradients = new HashMap<>(graphStep.compute(batch).gradients());
        milliseconds.put("ND4J's Adam updater, all parameters", perStep(nd4jAdam(graph, gradients)));
        milliseconds.put("HostAdam, all parameters", perStep(hostAdam(graph, gradients)));
        System.out.println("| part of a step | CPU ms per step |");
        System.out.println("|---|---|");
        milliseconds.forEach((part, ms) -> System.out.printf(Locale.ROOT, "| %s | %.2f |%n", part, ms));
        System.out.println();
        System.out.println("| training step | CPU s per epoch (430 steps, Adam) |");
        System.out.println("|---|---|");
        for (boolean dense : new boolean[] {false, true}) {
            System.out.printf(Locale.ROOT, "| %s | %.2f |%n", dense ? DenseStep.KIND : GraphStep.KIND, epochSeconds(parts, dense));
        }
    }

    private static Runnable nd4jAdam(VaeGraph graph, Map<String, INDArray> gradients) {
        Adam adam = new Adam(1e-3);
        Map<String, GradientUpdater<?>> updaters = new HashMap<>();
        gradients.forEach((name, gradient) -> updaters.put(name,
                adam.instantiate(Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(gradient.length())), true)));
        int[] iteration = {0};
        return () -> {
            for (Map.Entry<String, INDArray> entry : gradients.entrySet()) {
                INDArray update = entry.getValue().dup();
                updaters.get(entry.getKey()).applyUpdater(update, iteration[0], 0);
                graph.sameDiff().getArrForVarName(entry.getKey()).subi(update);
            }
            iteration[0]++;
        };
    }

    private static Runnable hostAdam(VaeGraph graph, Map<String, INDArray> gradients) {
        HostAdam adam = new HostAdam(new Adam(1e-3));
        Map<String, INDArray> states = new HashMap<>();
        gradients.forEach((name, gradient) -> states.put(name, Nd4j.zeros(DataType.FLOAT, 1, 2 * gradient.length())));
        int[] iteration = {0};
        return () -> {
            gradients.forEach((name, gradient) -> adam.update(graph.sameDiff().getArrForVarName(name), gradient,
                    states.get(name), iteration[0], 0, 1.0));
            iteration[0]++;
        };
    }

    /** The median over 5 rounds of 100 calls of the CPU milliseconds per call, after 100 calls of warm-up. */
    private static double perStep(Runnable step) {
        for (int i = 0; i < STEPS; i++) {
            step.run();
        }
        double[] rounds = new double[5];
        for (int round = 0; round < rounds.length; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < STEPS; i++) {
                step.run();
            }
            rounds[round] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / STEPS;
        }
        java.util.Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    /** The CPU seconds of the second of two epochs over 55,000 random grey images. */
    private static double epochSeconds(ModelParts parts, boolean dense) {
        VaeGraph graph = parts.build(1, new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(4);
        int examples = 55_000;
        float[] values = new float[examples * WIDTH];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        DataSplit few = new DataSplit(new float[WIDTH], null, WIDTH);
        DataSplits data = new DataSplits(new DataSplit(values, null, WIDTH), few, few, parts.shape(), BatchTransform.IDENTITY);
        Trainer trainer = new Trainer(graph, TrainingStep.of(parts, graph, dense), TestModels.adam(1e-3), parts.schedule(),
                BATCH, new RandomStreams(5), TrainingHorizon.of(examples, BATCH, 2));
        trainer.trainEpoch(data, (step, stepValues) -> { });
        long start = THREADS.getCurrentThreadCpuTime();
        trainer.trainEpoch(data, (step, stepValues) -> { });
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
    }

    private static INDArray greyLevels(SplittableRandom random, int rows) {
        float[] values = new float[rows * WIDTH];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return Nd4j.create(values, new long[] {rows, WIDTH}, 'c');
    }
}
