package org.vaelab.core.train;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplit;

/**
 * The placeholders of one forward pass of a {@link VaeGraph} or {@link GeneratorGraph}: the
 * examples x (or the codes z), the noise eps, for a model conditioned on labels the one-hot
 * labels y and, for a family that compares codes with the prior, the prior's draws. Every place
 * that runs a graph feeds it through here, so none can forget y.
 */
public final class GraphFeed {

    private GraphFeed() {
    }

    /**
     * The feed of {@code x} and {@code eps}, with {@code labels} as y when {@code graph} is
     * conditional (ignored otherwise). The map may be added to.
     *
     * @param labels one label per row of {@code x}, or null when the examples have none
     * @throws InvalidInputException when the graph is conditional and the labels are missing or
     *     outside its classes
     */
    public static Map<String, INDArray> of(VaeGraph graph, INDArray x, int[] labels, INDArray eps) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(VaeGraph.X, x);
        feed.put(VaeGraph.EPS, eps);
        putLabels(feed, graph.conditioningClasses(), labels, x.rows());
        return feed;
    }

    /** The feed of examples {@code [start, start + rows)} of {@code split}, with their labels, and {@code eps}. */
    public static Map<String, INDArray> ofRows(VaeGraph graph, DataSplit split, int start, int rows, INDArray eps) {
        return of(graph, SplitRows.of(split, start, rows), SplitRows.labels(split, start, rows), eps);
    }

    /**
     * Puts {@code rows} draws from the prior as {@link VaeGraph#PRIOR_SAMPLE} when {@code graph} has that placeholder
     * (nothing otherwise, so other graphs draw exactly the noise they did): N(0, I) from {@code noise}, the same
     * seeded generator as eps.
     */
    public static void putPriorSample(Map<String, INDArray> feed, VaeGraph graph, RandomGenerator noise, int rows) {
        if (graph.hasPriorSample()) {
            feed.put(VaeGraph.PRIOR_SAMPLE, GaussianNoise.sample(noise, rows, graph.latentDim()));
        }
    }

    /**
     * Puts the selections of the codes the auxiliary networks train on ({@link CodePermutations}), for {@code rows}
     * rows of z, when {@code graph} has auxiliary networks (nothing otherwise), drawn from {@code permutations}.
     */
    public static void putCodePermutations(Map<String, INDArray> feed, VaeGraph graph, RandomGenerator permutations,
                                           int rows) {
        if (graph.hasAuxiliaryNetworks()) {
            CodePermutations.put(feed, permutations, rows, graph.latentDim());
        }
    }

    /** Puts the one-hot {@code labels} as {@link VaeGraph#Y} when {@code classes > 0}. */
    static void putLabels(Map<String, INDArray> feed, int classes, int[] labels, int rows) {
        if (classes > 0) {
            feed.put(VaeGraph.Y, oneHot(labels, classes, rows));
        }
    }

    /** {@code [rows, classes]} FLOAT rows with a 1 in the label's column. */
    private static INDArray oneHot(int[] labels, int classes, int rows) {
        if (labels == null) {
            throw new InvalidInputException("the model is conditioned on class labels (0 to " + (classes - 1)
                    + "), but the examples have none; give it data with labels");
        }
        if (labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
        float[] values = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new InvalidInputException("label " + labels[r] + " is not one of the model's " + classes
                        + " classes, 0 to " + (classes - 1));
            }
            values[r * classes + labels[r]] = 1f;
        }
        return HostArrays.matrix(values, rows, classes);
    }
}
