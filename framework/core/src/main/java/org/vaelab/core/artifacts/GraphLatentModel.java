package org.vaelab.core.artifacts;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.train.GeneratorGraph;
import org.vaelab.core.train.GraphFeed;
import org.vaelab.core.train.PriorSampler;
import org.vaelab.core.train.VaeGraph;

/**
 * A {@link LatentModel} over the trained SameDiff graphs: posterior means are the
 * {@link VaeGraph#Z_CODE} output (the encoder's mean unless the posterior's codes live elsewhere; fed zero noise,
 * which it does not depend on), decoder means the
 * {@link GeneratorGraph}'s output, both fed through {@link GraphFeed} with the rows' labels. Inputs go through in
 * batches of {@value #BATCH} rows so a whole test split never becomes one activation tensor.
 */
public final class GraphLatentModel implements LatentModel {

    private static final int BATCH = 500;

    private final VaeGraph graph;
    private final GeneratorGraph generator;
    private final PriorSampler prior;

    private GraphLatentModel(VaeGraph graph, GeneratorGraph generator, PriorSampler prior) {
        this.graph = graph;
        this.generator = generator;
        this.prior = prior;
    }

    /**
     * The model of {@code graph}, decoding through {@code generator} and drawing from the prior through
     * {@code prior} (both built from the same weights).
     */
    public static GraphLatentModel of(VaeGraph graph, GeneratorGraph generator, PriorSampler prior) {
        return new GraphLatentModel(graph, generator, prior);
    }

    /** The model of {@code graph} with the prior N(0, I), decoding through {@code generator}. */
    public static GraphLatentModel of(VaeGraph graph, GeneratorGraph generator) {
        return of(graph, generator, PriorSampler.standardNormal(graph.latentDim()));
    }

    @Override
    public float[] priorDraws(int count, RandomGenerator random) {
        return prior.draw(count, random);
    }

    @Override
    public boolean priorIsStandardNormal() {
        return prior.isStandardNormal();
    }

    @Override
    public int latentDim() {
        return graph.latentDim();
    }

    @Override
    public int conditioningClasses() {
        return graph.conditioningClasses();
    }

    @Override
    public float[] posteriorMeans(float[] inputs, int[] labels, int count) {
        return batched(inputs, labels, count, (x, rowLabels) -> {
            INDArray eps = Nd4j.zeros(DataType.FLOAT, (long) graph.samples() * x.rows(), latentDim());
            return graph.output(GraphFeed.of(graph, x, rowLabels, eps), VaeGraph.Z_CODE)
                    .get(VaeGraph.Z_CODE);
        });
    }

    @Override
    public float[] decoderMeans(float[] codes, int[] labels, int count) {
        return batched(codes, labels, count, generator::decode);
    }

    /**
     * Applies {@code function} to {@code [rows, width]} slices of the {@code count} rows of
     * {@code values}, with their labels (null stays null), and concatenates the results.
     */
    private static float[] batched(float[] values, int[] labels, int count,
            BiFunction<INDArray, int[], INDArray> function) {
        if (count <= 0 || values.length % count != 0) {
            throw new IllegalArgumentException(values.length + " values do not form " + count + " rows");
        }
        int width = values.length / count;
        float[] out = new float[0];
        for (int from = 0; from < count; from += BATCH) {
            int rows = Math.min(BATCH, count - from);
            INDArray batch = Nd4j.create(Arrays.copyOfRange(values, from * width, (from + rows) * width),
                    new long[] {rows, width}, 'c');
            int[] batchLabels = labels == null ? null : Arrays.copyOfRange(labels, from, from + rows);
            float[] result = function.apply(batch, batchLabels).castTo(DataType.FLOAT).dup('c').data().asFloat();
            int outputWidth = result.length / rows;
            if (from == 0) {
                out = new float[count * outputWidth];
            }
            System.arraycopy(result, 0, out, from * outputWidth, result.length);
        }
        return out;
    }
}
