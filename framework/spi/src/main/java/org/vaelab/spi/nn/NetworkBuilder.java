package org.vaelab.spi.nn;

import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
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
    private final DropoutMasks dropout;
    private final Weights weights;

    /** Where {@link #variable} takes a network's weights from. */
    private enum Weights {
        /** New variables. */
        CREATED,
        /** The variables of the same names already in the graph. */
        SHARED,
        /** Those variables held constant: no gradient flows into them. */
        FROZEN
    }

    /**
     * A network for evaluation: {@link #dropout} layers pass their input through.
     *
     * @param sd the graph
     * @param scope a prefix for every variable name, such as {@code encoder}
     * @param random the generator for initial weights; consumed in call order
     */
    public NetworkBuilder(SameDiff sd, String scope, RandomGenerator random) {
        this(sd, scope, random, null);
    }

    /**
     * A network for training: each {@link #dropout} layer with a positive rate adds its mask to
     * {@code dropout}.
     */
    public NetworkBuilder(SameDiff sd, String scope, RandomGenerator random, DropoutMasks dropout) {
        this(sd, scope, random, dropout, Weights.CREATED);
    }

    private NetworkBuilder(SameDiff sd, String scope, RandomGenerator random, DropoutMasks dropout, Weights weights) {
        this.sd = sd;
        this.scope = scope;
        this.random = random;
        this.dropout = dropout;
        this.weights = weights;
    }

    /**
     * A network for evaluation that applies, to other inputs, the network already built in
     * {@code scope} of {@code sd}: each {@link #variable} is the one of that name already in the
     * graph, so the two share weights and gradients. Since SPI 2.1.
     */
    public static NetworkBuilder sharing(SameDiff sd, String scope, RandomGenerator random) {
        return new NetworkBuilder(sd, scope, random, null, Weights.SHARED);
    }

    /**
     * A network for evaluation that applies, to other inputs, the network already built in
     * {@code scope} of {@code sd} with its weights held constant: a loss computed from its output
     * has a gradient with respect to the inputs, and none with respect to the weights. The framework
     * applies an {@code AuxiliaryNetwork} to the model's codes this way. Since SPI 2.3.
     */
    public static NetworkBuilder frozen(SameDiff sd, String scope, RandomGenerator random) {
        return new NetworkBuilder(sd, scope, random, null, Weights.FROZEN);
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
        SDVariable w = variable(layer + "/W", () -> uniform(bound, nIn, nOut));
        SDVariable b = variable(layer + "/b", () -> uniform(bound, 1, nOut));
        return x.mmul(w).add(b);
    }

    /**
     * The trainable variable {@code scope/local}, created with the value {@code initial} gives, or
     * in a {@link #sharing} builder the one of that name already in the graph, in a {@link #frozen}
     * builder that one held constant. Since SPI 2.1.
     *
     * @throws IllegalStateException when a sharing or frozen builder finds no such variable
     */
    public SDVariable variable(String local, Supplier<INDArray> initial) {
        String name = name(local);
        if (weights == Weights.CREATED) {
            return sd.var(name, initial.get());
        }
        if (!sd.hasVariable(name)) {
            throw new IllegalStateException("no variable " + name + " to share in the graph");
        }
        SDVariable shared = sd.getVariable(name);
        return weights == Weights.SHARED ? shared : new StopGradient(sd, shared).outputVariable();
    }

    /**
     * Dropout of {@code h}, {@code [rows, width]}, with probability {@code rate}: in a training
     * network {@code h * mask}, the mask a placeholder {@code scope/layer/dropout_mask} (see
     * {@link DropoutMasks} for the method and its citation); in an evaluation network {@code h} itself.
     */
    public SDVariable dropout(String layer, SDVariable h, int width, double rate) {
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        if (dropout == null || rate == 0) {
            return h;
        }
        SDVariable mask = sd.placeHolder(name(layer + "/dropout_mask"), DataType.FLOAT, -1, width);
        dropout.add(mask.name(), width, rate);
        return h.mul(mask);
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
