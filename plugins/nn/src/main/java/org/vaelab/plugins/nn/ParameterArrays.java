package org.vaelab.plugins.nn;

import java.util.List;

/**
 * The sizes of the parameter arrays the layers of this package create, counted in long arithmetic
 * for {@code parameterArrays} of the encoders and decoders; a size beyond a long reads as
 * {@link Long#MAX_VALUE}.
 */
final class ParameterArrays {

    private ParameterArrays() {
    }

    /** A fully connected layer's weights and bias ({@link org.vaelab.spi.nn.NetworkBuilder#dense}). */
    static List<Long> dense(long in, long out) {
        return List.of(times(in, out), out);
    }

    /** A (transposed) convolution's kernels and bias ({@link ConvolutionLayers}). */
    static List<Long> convolution(int kernel, long in, long out) {
        return List.of(times(times(kernel, kernel), times(in, out)), out);
    }

    /** The number of values in a feature map. */
    static long values(FeatureMap map) {
        return times(map.channels(), times(map.height(), map.width()));
    }

    private static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }
}
