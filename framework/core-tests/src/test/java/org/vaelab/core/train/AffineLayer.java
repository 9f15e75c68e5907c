package org.vaelab.core.train;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The values of a dense layer {@code x W + b} as the tests compute with it in double precision:
 * {@code W} is {@code [in, out]} row-major, as {@code scope/W} and {@code scope/b} hold it in a graph.
 */
record AffineLayer(double[] weights, double[] bias) {

    /** A layer of {@code in x out} weights and biases uniform in {@code [-bound, bound)}, rounded to float. */
    static AffineLayer random(SplittableRandom random, double bound, int in, int out) {
        double[] w = new double[in * out];
        double[] b = new double[out];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextDouble(-bound, bound);
        }
        for (int j = 0; j < b.length; j++) {
            b[j] = (float) random.nextDouble(-bound, bound);
        }
        return new AffineLayer(w, b);
    }

    /** The layer {@code scope} of {@code graph}. */
    static AffineLayer read(VaeGraph graph, String scope) {
        return new AffineLayer(TestModels.values(graph.sameDiff(), scope + "/W"),
                TestModels.values(graph.sameDiff(), scope + "/b"));
    }

    /** Gives the graph's variables {@code scope/W} and {@code scope/b} these values. */
    void assignTo(SameDiff sd, String scope) {
        TestModels.setValues(sd, scope + "/W", weights);
        TestModels.setValues(sd, scope + "/b", bias);
    }

    /** {@code x W + b}. */
    double[] apply(double[] x) {
        int out = bias.length;
        double[] y = bias.clone();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < out; j++) {
                y[j] += x[i] * weights[i * out + j];
            }
        }
        return y;
    }
}
