package org.vaelab.spi.nn;

import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adds trainable layers to a SameDiff graph under a name scope, initialising weights from the
 * run's seeded generator so the same seed gives the same network on any backend.
 *
 * <p>Variable names are {@code scope/layer/W} and {@code scope/layer/b}; a model rebuilt with
 * the same calls has the same names, which is how checkpoints and the generator graph find
 * their weights.
 */
public final class NetworkBuilder {

    private final SameDiff sd;
    private final String scope;
    private final RandomGenerator random;

    /**
     * @param sd the graph
     * @param scope a prefix for every variable name, such as {@code encoder}
     * @param random the generator for initial weights; consumed in call order
     */
    public NetworkBuilder(SameDiff sd, String scope, RandomGenerator random) {
        this.sd = sd;
        this.scope = scope;
        this.random = random;
    }

    /** The graph layers are added to. */
    public SameDiff sameDiff() {
        return sd;
    }

    /** A qualified name for a non-layer variable of this network. */
    public String name(String local) {
        return scope + "/" + local;
    }

    /**
     * A fully connected layer {@code x W + b}. Weights and biases start uniform in
     * {@code [-1/sqrt(nIn), 1/sqrt(nIn)]}, the default of PyTorch's {@code nn.Linear}
     * (He et al. 2015 uniform with a = sqrt(5)), so results compare with reference implementations.
     */
    public SDVariable dense(String layer, SDVariable x, int nIn, int nOut) {
        double bound = 1.0 / Math.sqrt(nIn);
        SDVariable w = sd.var(name(layer + "/W"), uniform(bound, nIn, nOut));
        SDVariable b = sd.var(name(layer + "/b"), uniform(bound, 1, nOut));
        return x.mmul(w).add(b);
    }

    /** A new array of the given shape, uniform in {@code [-bound, bound]}, drawn from the run's generator. */
    public INDArray uniform(double bound, long... shape) {
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return Nd4j.create(values, shape, 'c').castTo(DataType.FLOAT);
    }
}
