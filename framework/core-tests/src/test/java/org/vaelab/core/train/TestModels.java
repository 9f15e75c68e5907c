package org.vaelab.core.train;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.spec.Component;
import org.vaelab.core.spec.Problems;
import org.vaelab.core.spec.RecordBinder;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.YamlTreeReader;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.nn.Activation;
import org.vaelab.spi.optim.Optimizer;

/**
 * Small VAEs built from the real {@code mlp} encoder and decoder and the {@code bernoulli}
 * likelihood, through their public factories, plus the arrays tests feed them.
 */
final class TestModels {

    /** Every plugin on the test class path. */
    static final ComponentCatalog CATALOG = PluginLoader.load(TestModels.class.getClassLoader());

    /** The Bernoulli likelihood of the likelihood plugin. */
    static final Likelihood BERNOULLI = component(Family.LIKELIHOOD, "{type: bernoulli}");
    /** The plain VAE's objective, from the model-families plugin. */
    static final ModelFamily VAE = component(Family.MODEL_FAMILY, "{type: vae}");

    private TestModels() {
    }

    /**
     * A VAE on {@code width} binary features with mlp encoder and decoder of the given hidden
     * layers and a Bernoulli likelihood, weights drawn from {@code seed}.
     */
    static VaeGraph vae(int width, List<Integer> hidden, Activation activation, int latentDim, int samples, long seed) {
        return vae(shape(width), hidden, activation, latentDim, samples, seed);
    }

    /** As {@link #vae(int, List, Activation, int, int, long)}, for data of any shape. */
    static VaeGraph vae(DataShape shape, List<Integer> hidden, Activation activation, int latentDim, int samples,
                        long seed) {
        return vae(shape, hidden, activation, latentDim, samples, new SplittableRandom(seed));
    }

    /** As {@link #vae(DataShape, List, Activation, int, int, long)}, weights drawn from {@code weights}. */
    static VaeGraph vae(DataShape shape, List<Integer> hidden, Activation activation, int latentDim, int samples,
                        RandomGenerator weights) {
        String mlp = "{type: mlp, hidden: " + hidden + ", activation: " + activation.name().toLowerCase(Locale.ROOT)
                + "}";
        return new ModelParts(component(Family.ENCODER, mlp), component(Family.DECODER, mlp), BERNOULLI, beta(1.0), VAE,
                shape, latentDim).build(samples, weights);
    }

    /** Adam with the given learning rate and the usual moment decays, from the optimizer plugin. */
    static Optimizer adam(double learningRate) {
        return component(Family.OPTIMIZER, "{type: adam, lr: " + learningRate + "}");
    }

    /** The constant-weight KL schedule of the kl plugin. */
    static KlSchedule beta(double beta) {
        return component(Family.KL_SCHEDULE, "{type: beta, beta: " + beta + "}");
    }

    /** A component made from a YAML block through the registered plugins, as a spec would make it. */
    static <T> T component(Family<T> family, String yaml) {
        Problems problems = new Problems();
        SpecNode node = new YamlTreeReader(problems, null).read(yaml).orElseThrow();
        Component<T> component = new RecordBinder(CATALOG, problems).bindComponent(family, node, family.name())
                .orElseThrow(() -> new IllegalArgumentException(yaml + ": " + problems.list()));
        return CATALOG.create(family, component);
    }

    /** The shape of one example of {@code width} binary features. */
    static DataShape shape(int width) {
        return new DataShape(List.of(width), ValueRange.BINARY, 0);
    }

    /** The four placeholders of a {@link VaeGraph}, in {@code x}'s data type. */
    static Map<String, INDArray> feed(INDArray x, INDArray eps, double weight, double capacity) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(VaeGraph.X, x);
        feed.put(VaeGraph.EPS, eps);
        feed.put(VaeGraph.KL_WEIGHT, Nd4j.scalar(x.dataType(), weight));
        feed.put(VaeGraph.KL_CAPACITY, Nd4j.scalar(x.dataType(), capacity));
        return feed;
    }

    /** A {@code [rows, columns]} FLOAT array of N(0, 1) draws. */
    static INDArray gaussian(RandomGenerator random, int rows, int columns) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }

    /** A {@code [rows, columns]} FLOAT array of fair coin flips, 0 or 1. */
    static INDArray binary(RandomGenerator random, int rows, int columns) {
        return Nd4j.create(binaryValues(random, rows * columns), new long[] {rows, columns}, 'c');
    }

    /** {@code count} fair coin flips, 0 or 1. */
    static float[] binaryValues(RandomGenerator random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextBoolean() ? 1f : 0f;
        }
        return values;
    }

    /** Synthetic binary data: a training split of {@code trainSize} examples and small held-out splits. */
    static DataSplits syntheticSplits(int trainSize, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new DataSplits(
                new DataSplit(binaryValues(random, trainSize * width), null, width),
                new DataSplit(binaryValues(random, 8 * width), null, width),
                new DataSplit(binaryValues(random, 8 * width), null, width),
                shape(width), BatchTransform.IDENTITY);
    }

    /** Names of the trainable variables of {@code sd}, in graph order. */
    static List<String> parameterNames(SameDiff sd) {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    /** A variable's values as doubles, row-major. */
    static double[] values(SameDiff sd, String name) {
        return sd.getArrForVarName(name).castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** Replaces a variable's values, keeping its shape and data type. */
    static void setValues(SameDiff sd, String name, double[] values) {
        INDArray array = sd.getArrForVarName(name);
        array.assign(Nd4j.create(values, array.shape(), DataType.DOUBLE).castTo(array.dataType()));
    }
}
