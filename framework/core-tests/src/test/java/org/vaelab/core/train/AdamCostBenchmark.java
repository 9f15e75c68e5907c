package org.vaelab.core.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * What one step of {@link HostAdam} costs per value, in nanoseconds of wall time on one thread, on a
 * slice of {@link HostAdam#SLICE} values whose moments are normal floats, and on the same slice with
 * moments that are subnormal when the step starts (as a moment becomes some 740 steps after its last
 * non-zero gradient): the penalty that the flush of subnormal moments bounds. Medians of 7 rounds of
 * 2,000 steps after warm-up, the subnormal moments set anew before each step. A program, not a
 * test: run it from {@code framework/core-tests} after {@code mvn test-compile} with
 * <pre>{@code
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:$(cat /tmp/cp.txt) org.vaelab.core.train.AdamCostBenchmark
 * }</pre>
 */
public final class AdamCostBenchmark {

    private static final int STEPS = 2000;

    private AdamCostBenchmark() {
    }

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(1);
        INDArray parameter = TestModels.gaussian(random, 1, HostAdam.SLICE);
        INDArray zero = TestModels.gaussian(random, 1, HostAdam.SLICE).muli(0);
        HostAdam adam = new HostAdam(new Adam(1e-3));
        System.out.println("| moments at the start of a step | ns per value |");
        System.out.println("|---|---|");
        for (float moment : new float[] {1e-4f, 1e-39f}) {
            HostAdam.Moments moments = HostAdam.Moments.zeros(HostAdam.SLICE);
            double[] rounds = new double[8];
            for (int round = 0; round < rounds.length; round++) {
                long elapsed = 0;
                for (int step = 0; step < STEPS; step++) {
                    Arrays.fill(moments.first()[0], moment);
                    Arrays.fill(moments.second()[0], moment);
                    long start = System.nanoTime();
                    // an odd step: the flush, one step in eight for a slice, does not run
                    adam.update(parameter, zero, moments, 0, HostAdam.SLICE, 2 * step + 1, 0, 1, 1);
                    elapsed += System.nanoTime() - start;
                }
                rounds[round] = (double) elapsed / STEPS / HostAdam.SLICE;
            }
            double[] measured = Arrays.copyOfRange(rounds, 1, rounds.length);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "| %s (%g) | %.2f |%n", moment < Float.MIN_NORMAL ? "subnormal" : "normal",
                    moment, measured[measured.length / 2]);
        }
    }
}
