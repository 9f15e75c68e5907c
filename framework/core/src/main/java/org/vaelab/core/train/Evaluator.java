package org.vaelab.core.train;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.data.DataSplit;

/** Computes the ELBO, its terms and the reconstruction errors over a whole split, in batches, without training. */
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
        double mseSum = 0;
        double bceSum = 0;
        String[] outputs = graph.hasCrossEntropy()
                ? new String[] {VaeGraph.LOG_PX, VaeGraph.KL, VaeGraph.RECON_MSE, VaeGraph.RECON_BCE}
                : new String[] {VaeGraph.LOG_PX, VaeGraph.KL, VaeGraph.RECON_MSE};
        for (int start = 0; start < split.size(); start += batchSize) {
            int rows = Math.min(batchSize, split.size() - start);
            INDArray x = SplitRows.of(split, start, rows);
            INDArray eps = GaussianNoise.sample(noise, graph.samples() * rows, graph.latentDim());
            Map<String, INDArray> out = graph.sameDiff().output(Map.of(VaeGraph.X, x, VaeGraph.EPS, eps), outputs);
            logPxSum += out.get(VaeGraph.LOG_PX).sumNumber().doubleValue();
            klSum += out.get(VaeGraph.KL).sumNumber().doubleValue();
            mseSum += out.get(VaeGraph.RECON_MSE).sumNumber().doubleValue();
            if (graph.hasCrossEntropy()) {
                bceSum += out.get(VaeGraph.RECON_BCE).sumNumber().doubleValue();
            }
        }
        int n = split.size();
        return new ElboTerms((logPxSum - klSum) / n, -logPxSum / n, klSum / n, mseSum / n,
                graph.hasCrossEntropy() ? OptionalDouble.of(bceSum / n) : OptionalDouble.empty(), n);
    }
}
