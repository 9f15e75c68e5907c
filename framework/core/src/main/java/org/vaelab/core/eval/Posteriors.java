package org.vaelab.core.eval;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.train.GraphFeed;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataSplit;

/**
 * The posterior q(z|x) = N(mu(x), diag(exp(log sigma^2(x)))) of every example of a split under an
 * encoder (Kingma and Welling 2014, section 3), read through the {@link VaeGraph#Z_MEAN} and
 * {@link VaeGraph#Z_LOG_VARIANCE} outputs: no noise is involved.
 *
 * @param means {@code mu}, {@code [examples, latentDim]} row-major
 * @param logVariances {@code log sigma^2}, {@code [examples, latentDim]} row-major
 * @param latentDim the size of z
 */
public record Posteriors(float[] means, float[] logVariances, int latentDim) {

    /** Encodes {@code examples} under {@code graph}'s encoder in batches of {@code batchSize}. */
    public static Posteriors of(VaeGraph graph, DataSplit examples, int batchSize) {
        int latent = graph.latentDim();
        float[] means = new float[examples.size() * latent];
        float[] logVariances = new float[examples.size() * latent];
        for (int start = 0; start < examples.size(); start += batchSize) {
            int rows = Math.min(batchSize, examples.size() - start);
            INDArray eps = Nd4j.zeros(DataType.FLOAT, (long) graph.samples() * rows, latent);
            Map<String, INDArray> out = graph.output(GraphFeed.ofRows(graph, examples, start, rows, eps),
                    VaeGraph.Z_MEAN, VaeGraph.Z_LOG_VARIANCE);
            System.arraycopy(values(out.get(VaeGraph.Z_MEAN)), 0, means, start * latent, rows * latent);
            System.arraycopy(values(out.get(VaeGraph.Z_LOG_VARIANCE)), 0, logVariances, start * latent, rows * latent);
        }
        return new Posteriors(means, logVariances, latent);
    }

    private static float[] values(INDArray array) {
        return array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** The means, one row per example. */
    public double[][] meanRows() {
        double[][] rows = new double[means.length / latentDim][latentDim];
        for (int i = 0; i < rows.length; i++) {
            for (int d = 0; d < latentDim; d++) {
                rows[i][d] = means[i * latentDim + d];
            }
        }
        return rows;
    }
}
