package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * What one training step of the two reference models costs, in milliseconds of wall time: the
 * quickstart's MLP (784-400-20, Bernoulli) and the conv VAE of {@code configs/fashion-conv-bernoulli.yaml},
 * batch 128, their loss and gradients computed by SameDiff's own session and by the compiled plan
 * on one and on two threads, then a whole training step (batch, gradients, Adam) over 430 steps
 * of random grey images. Medians of 5 rounds after warm-up. A program, not a test: run it from
 * {@code framework/core-tests} after {@code mvn test-compile} with
 * <pre>{@code
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 java -cp target/test-classes:$(cat /tmp/cp.txt) org.vaelab.core.train.StepCostBenchmark
 * }</pre>
 */
public final class StepCostBenchmark {

    private static final int WIDTH = 784;
    private static final int LATENT = 20;
    private static final int BATCH = 128;
    private static final String CONV = "{type: conv, layers: [{channels: 32, kernel: 4, stride: 2, padding: 1},"
            + " {channels: 64, kernel: 4, stride: 2, padding: 1}], dense: 256}";

    private StepCostBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("| model | SameDiff session ms | compiled, 1 thread ms | compiled, 2 threads ms | training "
                + "step, 1 thread ms | training step, 2 threads ms |");
        System.out.println("|---|---|---|---|---|---|");
        row("MLP 784-400-20", "{type: mlp, hidden: [400]}", List.of(WIDTH), 100);
        row("conv 32-64, dense 256", CONV, List.of(1, 28, 28), 10);
    }

    private static void row(String label, String network, List<Integer> shape, int steps) {
        ModelParts parts = new ModelParts(TestModels.component(Family.ENCODER, network),
                TestModels.component(Family.DECODER, network), TestModels.BERNOULLI, TestModels.beta(1.0),
                TestModels.VAE, new DataShape(shape, ValueRange.UNIT_INTERVAL, 0), LATENT);
        VaeGraph graph = parts.build(1, new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(2);
        TrainingBatch batch = new TrainingBatch(TestModels.feed(greyLevels(random, BATCH),
                TestModels.gaussian(random, BATCH, LATENT), 1, 0), new KlWeighting(1, 0));
        List<Double> columns = new ArrayList<>();
        for (GraphStep step : List.of(new GraphStep(graph, 1, false), new GraphStep(graph, 1, true),
                new GraphStep(graph, 2, true))) {
            columns.add(milliseconds(() -> step.compute(batch), steps));
        }
        for (int lanes : new int[] {1, 2}) {
            columns.add(trainingStepMilliseconds(parts, lanes, steps));
        }
        System.out.printf(Locale.ROOT, "| %s |%s%n", label,
                columns.stream().map(ms -> String.format(Locale.ROOT, " %.2f |", ms)).reduce("", String::concat));
    }

    /**
     * The median over 5 rounds of {@code steps} calls of the wall milliseconds per call, after one round of warm-up.
     */
    private static double milliseconds(Runnable step, int steps) {
        double[] rounds = new double[6];
        for (int round = 0; round < rounds.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                step.run();
            }
            rounds[round] = (System.nanoTime() - start) / 1e6 / steps;
        }
        double[] measured = Arrays.copyOfRange(rounds, 1, rounds.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    /** Milliseconds per training step (batch, loss and gradients, Adam) over 430 steps of random grey images. */
    private static double trainingStepMilliseconds(ModelParts parts, int lanes, int steps) {
        VaeGraph graph = parts.build(1, new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(4);
        int examples = steps * BATCH;
        float[] values = new float[examples * WIDTH];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        DataSplit few = new DataSplit(new float[WIDTH], null, WIDTH);
        DataSplits data = new DataSplits(new DataSplit(values, null, WIDTH), few, few, parts.shape(),
                BatchTransform.IDENTITY);
        Trainer trainer = new Trainer(graph, new GraphStep(graph, lanes, true), TestModels.adam(1e-3), parts.schedule(),
                BATCH, new RandomStreams(5), TrainingHorizon.of(examples, BATCH, 6));
        return milliseconds(() -> trainer.trainEpoch(data), 1) / steps;
    }

    private static INDArray greyLevels(SplittableRandom random, int rows) {
        float[] values = new float[rows * WIDTH];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return Nd4j.create(values, new long[] {rows, WIDTH}, 'c');
    }
}
