package org.vaelab.core.train;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.data.DataSplit;

/** Computes the ELBO and its terms over a whole split, in batches, without training. */
public final class Evaluator {

    private final VaeGraph graph;
    private final int batchSize;

    public Evaluator(VaeGraph graph, int batchSize) {
        this.graph = graph;
        this.batchSize = batchSize;
    }

    /** The split's mean ELBO terms, with noise from {@code noise}. */
    public ElboTerms evaluate(DataSplit split, RandomGenerator noise) {
        double logPxSum = 0;
        double klSum = 0;
        float[] buffer = new float[batchSize * split.width()];
        for (int start = 0; start < split.size(); start += batchSize) {
            int rows = Math.min(batchSize, split.size() - start);
            for (int r = 0; r < rows; r++) {
                split.copyRow(start + r, buffer, r);
            }
            INDArray x = Nd4j.create(java.util.Arrays.copyOf(buffer, rows * split.width()), new long[] {rows, split.width()}, 'c');
            INDArray eps = GaussianNoise.sample(noise, graph.samples() * rows, graph.latentDim());
            Map<String, INDArray> out = graph.sameDiff().output(Map.of(VaeGraph.X, x, VaeGraph.EPS, eps),
                    VaeGraph.LOG_PX, VaeGraph.KL);
            logPxSum += out.get(VaeGraph.LOG_PX).sumNumber().doubleValue();
            klSum += out.get(VaeGraph.KL).sumNumber().doubleValue();
        }
        int n = split.size();
        return new ElboTerms((logPxSum - klSum) / n, -logPxSum / n, klSum / n, n);
    }
}
