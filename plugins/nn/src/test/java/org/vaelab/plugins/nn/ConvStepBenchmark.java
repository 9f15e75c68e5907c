package org.vaelab.plugins.nn;

import com.sun.management.OperatingSystemMXBean;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * Times one forward and backward pass of the reference {@code conv} VAE (32 and 64 channels,
 * kernel 4, stride 2, padding 1, dense 256, latent 20) on a batch of 128 28x28 grey images, with
 * the loss {@code mean_b [sum_i (sigmoid(l_i) - x_i)^2 + KL]}: the median of 20 steps after 5
 * warm-up steps, and that median times 430, the steps of one Fashion-MNIST epoch at batch 128.
 * It also reports the process's CPU time per step: on a machine shared with other work, that is
 * what the step would take with {@code OMP_NUM_THREADS=1} and a core of its own.
 * A program, not a test: run it from {@code plugins/nn} after {@code mvn test-compile} with
 * <pre>{@code
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     org.vaelab.plugins.nn.ConvStepBenchmark
 * }</pre>
 */
public final class ConvStepBenchmark {

    private static final int BATCH = 128;
    private static final int LATENT = 20;
    private static final int WARM_UP = 5;
    private static final int STEPS = 20;
    private static final int STEPS_PER_EPOCH = 430;

    private ConvStepBenchmark() {
    }

    public static void main(String[] args) {
        DataShape shape = TestVae.image(1, 28, 28);
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(1);
        SDVariable x = sd.placeHolder(TestVae.X, DataType.FLOAT, -1, shape.size());
        SDVariable eps = sd.placeHolder(TestVae.EPS, DataType.FLOAT, -1, LATENT);
        GaussianPosterior q = new ConvEncoder(ConvShapesTest.REFERENCE)
                .encode(new NetworkBuilder(sd, "encoder", random), x, shape, LATENT);
        SDVariable z = q.mean().add(sd.math().exp(q.logVariance().mul(0.5)).mul(eps));
        SDVariable logits = new ConvDecoder(ConvShapesTest.REFERENCE)
                .decode(new NetworkBuilder(sd, "decoder", random), z, LATENT, shape, 1);
        SDVariable squares = sd.math().square(sd.nn().sigmoid(logits).sub(x)).sum(1);
        SDVariable kl = sd.math().exp(q.logVariance()).add(sd.math().square(q.mean())).sub(1.0).sub(q.logVariance())
                .mul(0.5).sum(1);
        squares.add(kl).mean().rename(TestVae.LOSS);
        sd.setLossVariables(TestVae.LOSS);
        List<String> weights = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
        Map<String, INDArray> feed = Map.of(TestVae.X, Nd4j.rand(DataType.FLOAT, BATCH, shape.size()),
                TestVae.EPS, Nd4j.randn(DataType.FLOAT, BATCH, LATENT));

        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        double[] millis = new double[STEPS];
        double[] cpuMillis = new double[STEPS];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            for (int step = 0; step < WARM_UP + STEPS; step++) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                sd.calculateGradients(feed, weights);
                if (step >= WARM_UP) {
                    millis[step - WARM_UP] = (System.nanoTime() - start) / 1e6;
                    cpuMillis[step - WARM_UP] = (os.getProcessCpuTime() - cpuStart) / 1e6;
                }
            }
        } finally {
            System.setOut(out);
        }
        double median = median(millis);
        long parameters = weights.stream().mapToLong(w -> sd.getVariable(w).getArr().length()).sum();
        System.out.println("| OMP_NUM_THREADS | parameters | median ms/step | min | max | s per epoch (430 steps) | "
                + "median CPU ms/step |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"), parameters, median, millis[0],
                millis[STEPS - 1], median * STEPS_PER_EPOCH / 1000, median(cpuMillis));
    }

    /** The median; sorts {@code values}. */
    private static double median(double[] values) {
        Arrays.sort(values);
        return (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
