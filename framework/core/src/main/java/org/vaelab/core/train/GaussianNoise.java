package org.vaelab.core.train;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Standard normal noise drawn on the Java side from a seeded generator and fed to the graph. */
final class GaussianNoise {

    private GaussianNoise() {
    }

    /** A {@code [rows, columns]} array of independent N(0, 1) draws. */
    static INDArray sample(RandomGenerator random, int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return HostArrays.matrix(values, rows, columns);
    }
}
