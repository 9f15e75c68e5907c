package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.optim.Optimizer;

/**
 * Applies an ND4J updater to every trainable variable of a graph, each with its own state, after
 * optional clipping of the gradients' global norm (Pascanu et al. 2013, algorithm 1), and with
 * optional decoupled weight decay (Loshchilov and Hutter 2019, algorithm 2). Adam, the usual
 * optimizer, runs as {@link HostAdam}, the same formula on the same state, faster.
 */
final class ParameterUpdater {

    private static final int[] NOTHING = {};

    private final SameDiff sd;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final Map<String, INDArray> states = new LinkedHashMap<>();
    private final Map<String, HostAdam.Moments> moments = new LinkedHashMap<>();
    private final IUpdater config;
    private final OptionalDouble maxNorm;
    private final OptionalDouble weightDecay;
    private final HostAdam hostAdam;
    private final int lanes;
    private double learningRateScale = 1;

    /** An updater of {@code sd}'s trainable variables, on up to {@code threads} threads. */
    ParameterUpdater(SameDiff sd, Optimizer optimizer, TrainingHorizon horizon, int threads) {
        this(sd, SameDiffGraphs.trainableNames(sd), optimizer, horizon, threads);
    }

    /**
     * An updater of the trainable variables {@code names} of {@code sd}, on up to {@code threads}
     * threads: the gradients of the others are left alone, and they count in no clipping norm.
     */
    ParameterUpdater(SameDiff sd, List<String> names, Optimizer optimizer, TrainingHorizon horizon, int threads) {
        this.sd = sd;
        this.lanes = threads;
        this.config = optimizer.updater(horizon);
        this.maxNorm = optimizer.maxGradientNorm();
        this.weightDecay = optimizer.decoupledWeightDecay();
        this.hostAdam = config.getClass() == Adam.class ? new HostAdam((Adam) config) : null;
        for (String name : names) {
            INDArray parameter = sd.getArrForVarName(name);
            if (hostAdam != null) {
                moments.put(name, HostAdam.Moments.zeros(parameter.length()));
                continue;
            }
            long stateSize = config.stateSize(parameter.length());
            INDArray state = stateSize == 0 ? null : Nd4j.zeros(parameter.dataType(), 1, stateSize);
            if (state != null) {
                states.put(name, state);
            }
            updaters.put(name, config.instantiate(state, true));
        }
    }

    /** The learning rate at the first step. */
    double initialLearningRate() {
        return config.getLearningRate(0, 0);
    }

    /**
     * Multiplies the learning rate by {@code scale} from the next step on. Every update the
     * optimizers make (Adam, SGD, RMSProp and the others ND4J has) is proportional to the rate,
     * their state is not, so scaling the update is scaling the rate.
     */
    void scaleLearningRate(double scale) {
        learningRateScale = scale;
    }

    /** The trainable variables, in graph order. */
    List<String> parameterNames() {
        return List.copyOf(hostAdam != null ? moments.keySet() : updaters.keySet());
    }

    /**
     * A copy of every parameter's updater state (moment estimates and the like), by parameter name,
     * in ND4J's layout for the optimizer (for Adam a {@code [1, 2n]} array, m then v).
     */
    Map<String, INDArray> state() {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        states.forEach((name, state) -> copy.put(name, state.dup()));
        moments.forEach((name, own) -> copy.put(name, own.toState()));
        return copy;
    }

    /**
     * Sets every parameter's updater state from {@link #state()} of an updater of the same graph
     * and optimizer.
     *
     * @throws IllegalArgumentException when {@code saved} does not hold exactly these states in these shapes
     */
    void restore(Map<String, INDArray> saved) {
        Map<String, INDArray> current = state();
        if (!saved.keySet().equals(current.keySet())) {
            throw new IllegalArgumentException("the optimizer state holds " + new TreeSet<>(saved.keySet())
                    + ", this optimizer needs " + new TreeSet<>(current.keySet()));
        }
        states.forEach((name, state) -> state.assign(Checkpoint.requireShape(name, saved.get(name), state)));
        moments.forEach((name, own) -> own.restore(Checkpoint.requireShape(name, saved.get(name), current.get(name))));
    }

    /**
     * Updates every parameter of this updater from its gradient in {@code gradients} (which is consumed) at 0-based
     * {@code iteration}.
     */
    void apply(Map<String, INDArray> gradients, long iteration, int epoch) {
        if (maxNorm.isPresent()) {
            double squares = 0;
            List<String> names = parameterNames();
            List<INDArray> own = gradients.entrySet().stream().filter(entry -> names.contains(entry.getKey()))
                    .map(Map.Entry::getValue).toList();
            for (INDArray gradient : own) {
                double norm = gradient.norm2Number().doubleValue();
                squares += norm * norm;
            }
            double norm = Math.sqrt(squares);
            if (norm > maxNorm.getAsDouble()) {
                double scale = maxNorm.getAsDouble() / norm;
                own.forEach(g -> g.muli(scale));
            }
        }
        int step = Math.toIntExact(iteration);
        double scale = learningRateScale;
        double decay = weightDecay.isPresent()
                ? 1 - config.getLearningRate(step, epoch) * scale * weightDecay.getAsDouble() : 1;
        List<Kernel> updates = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        moments.forEach((name, own) -> {
            INDArray gradient = gradients.get(name);
            INDArray parameter = sd.getArrForVarName(name);
            long length = own.length();
            for (int from = 0; from < length; from += HostAdam.SLICE) {
                int start = from;
                int count = (int) Math.min(HostAdam.SLICE, length - from);
                updates.add(new Kernel("adam", () -> hostAdam.update(parameter, gradient, own, start, count, step,
                        epoch, scale, decay), NOTHING));
                sizes.add((long) count);
            }
        });
        for (Map.Entry<String, GradientUpdater<?>> entry : updaters.entrySet()) {
            INDArray gradient = gradients.get(entry.getKey());
            INDArray parameter = sd.getArrForVarName(entry.getKey());
            GradientUpdater<?> updater = entry.getValue();
            updates.add(new Kernel(entry.getKey(), () -> {
                updater.applyUpdater(gradient, step, epoch);
                if (scale != 1) {
                    gradient.muli(scale);
                }
                if (weightDecay.isPresent()) {
                    parameter.muli(decay);
                }
                parameter.subi(gradient);
            }, NOTHING));
            sizes.add(parameter.length());
        }
        KernelSchedule.of(updates, sizes.stream().mapToLong(Long::longValue).toArray(), lanes).run();
    }
}
