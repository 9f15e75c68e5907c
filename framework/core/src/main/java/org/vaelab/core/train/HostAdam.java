package org.vaelab.core.train;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam (Kingma and Ba 2015, "Adam: A Method for Stochastic Optimization", algorithm 1, with the
 * bias corrections folded into the step size as at the end of their section 2):
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code theta -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}, the formula of ND4J's
 * {@code AdamUpdater}, on the same state (m, then v, when saved), computed in a loop over a Java copy
 * of the parameter and its gradient and the moments kept in Java arrays between steps, so that the
 * JIT vectorises the loop: about ten times faster than ND4J's op on this project's machine, where
 * that op took as long as a whole forward and backward pass (docs/performance.md).
 *
 * <p>Moments below float's smallest normal value are flushed to zero, each slice's every
 * {@link #FLUSH_PERIOD} steps, as a CPU in flush-to-zero mode would: a parameter whose gradient stays
 * zero (a weight of a pixel that is blank in every image of a batch) has its first moment decay by
 * beta1 each step into the subnormal range, where arithmetic on it is many times slower than on a
 * normal float on x86 (by the quickstart's third epoch, Adam's time per epoch had grown from 0.47 to
 * 0.78 s; AdamCostBenchmark, docs/performance.md).
 * A subnormal moment moves its parameter by less than 1e-30, below a float's rounding of any
 * parameter not itself that small, so the flush changes no step a parameter takes in practice.
 */
final class HostAdam {

    /** The largest slice of a parameter one call updates: its parts of the four arrays stay in the core's cache. */
    static final int SLICE = 1 << 15;

    /**
     * How many steps a slice's moments may stay subnormal before they are flushed: each step
     * flushes one slice in this many, chosen by the step and the slice's offset, so the result does
     * not depend on how the slices are spread over threads.
     */
    static final int FLUSH_PERIOD = 8;

    private static final int EXPONENT = 0x7f800000;

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][SLICE]);

    private final Adam config;

    HostAdam(Adam config) {
        this.config = config;
    }

    /**
     * One step of the values {@code [from, from + count)} of {@code parameter} from those of
     * {@code gradient} at 0-based {@code iteration}, the same values of its {@code moments} updated
     * in place; {@code scale} multiplies the learning rate, {@code decay} the parameter first (1 for
     * none). Calls on other slices may run at once on other threads.
     *
     * @param from a multiple of {@link #SLICE}
     * @param count at most {@link #SLICE}
     */
    void update(INDArray parameterArray, INDArray gradientArray, Moments moments, int from, int count,
                int iteration, int epoch, double scale, double decay) {
        float[][] scratch = SCRATCH.get();
        float[] parameter = HostArrays.read(parameterArray, from, count, scratch[0]);
        float[] gradient = HostArrays.read(gradientArray, from, count, scratch[1]);
        float[] firstMoment = moments.first()[from / SLICE];
        float[] secondMoment = moments.second()[from / SLICE];
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        int t = iteration + 1;
        float stepSize = (float) (config.getLearningRate(iteration, epoch) * scale
                * Math.sqrt(1 - Math.pow(config.getBeta2(), t)) / (1 - Math.pow(config.getBeta1(), t)));
        float keep = (float) decay;
        for (int i = 0; i < count; i++) {
            float g = gradient[i];
            float m = beta1 * firstMoment[i] + g * (1 - beta1);
            float v = beta2 * secondMoment[i] + g * g * (1 - beta2);
            firstMoment[i] = m;
            secondMoment[i] = v;
            parameter[i] = parameter[i] * keep - m * stepSize / ((float) Math.sqrt(v) + epsilon);
        }
        if ((iteration + from / SLICE) % FLUSH_PERIOD == 0) {
            flushSubnormals(firstMoment);
            flushSubnormals(secondMoment);
        }
        HostArrays.write(parameter, count, parameterArray, from);
    }

    /**
     * Sets the subnormal values among {@code values} to zero. A loop of its
     * own, since a branch in the update's loop would stop the JIT from vectorising it, and without a
     * branch: one that no value had taken yet would be compiled as a trap, and the first subnormal
     * would send the whole update back to the interpreter while it was compiled anew. A float is
     * subnormal or zero when its exponent bits are all zero; the mask is then all zeros, else all ones.
     */
    private static void flushSubnormals(float[] values) {
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            values[i] = Float.intBitsToFloat(bits & ~(((bits & EXPONENT) - 1) >> 31));
        }
    }

    /**
     * A parameter's two moment estimates, value by value, held in Java arrays between steps so that a
     * step copies only the parameter and its gradient out of ND4J and the parameter back. They are
     * cut in slices of {@link #SLICE} values, so that the update's loop reads every array from the
     * same index, which the JIT needs in order to vectorise it.
     *
     * @param first m, slice by slice
     * @param second v, slice by slice
     */
    record Moments(float[][] first, float[][] second) {

        /** Zero moments of a parameter of {@code length} values. */
        static Moments zeros(long length) {
            float[][] first = slices(length);
            return new Moments(first, slices(length));
        }

        /** The number of values. */
        long length() {
            return Arrays.stream(first).mapToLong(slice -> slice.length).sum();
        }

        /** The moments as ND4J's AdamUpdater keeps them: a {@code [1, 2n]} array, m then v. */
        INDArray toState() {
            int n = Math.toIntExact(length());
            float[] both = new float[2 * n];
            for (int k = 0; k < first.length; k++) {
                System.arraycopy(first[k], 0, both, k * SLICE, first[k].length);
                System.arraycopy(second[k], 0, both, n + k * SLICE, second[k].length);
            }
            return HostArrays.matrix(both, 1, 2 * n);
        }

        /** Sets the moments from ND4J's AdamUpdater state of the same parameter ({@link #toState()}). */
        void restore(INDArray state) {
            long n = length();
            INDArray own = state.dup('c');
            for (int k = 0; k < first.length; k++) {
                HostArrays.read(own, (long) k * SLICE, first[k].length, first[k]);
                HostArrays.read(own, n + (long) k * SLICE, second[k].length, second[k]);
            }
        }

        private static float[][] slices(long length) {
            float[][] slices = new float[Math.toIntExact((length + SLICE - 1) / SLICE)][];
            for (int k = 0; k < slices.length; k++) {
                slices[k] = new float[(int) Math.min(SLICE, length - (long) k * SLICE)];
            }
            return slices;
        }
    }
}
