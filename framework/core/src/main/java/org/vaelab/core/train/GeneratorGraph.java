package org.vaelab.core.train;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The decoder alone, z (and for a conditional model the label y) to the mean of p(x|z): the
 * {@link NetworkGraphs#decoder} of a model.
 */
public final class GeneratorGraph {

    private final SameDiff sd;
    private final int conditioningClasses;

    private GeneratorGraph(SameDiff sd, int conditioningClasses) {
        this.sd = sd;
        this.conditioningClasses = conditioningClasses;
    }

    /** A generator of the model {@code parts} describe, with the current weights of {@code trained}. */
    public static GeneratorGraph of(VaeGraph trained, ModelParts parts) {
        return new GeneratorGraph(NetworkGraphs.decoder(trained, parts), parts.conditioning().classes());
    }

    /** The number of label classes the decoder is conditioned on; 0 when it is not. */
    public int conditioningClasses() {
        return conditioningClasses;
    }

    /**
     * The mean of p(x|z, y) for each row of {@code z}, y the row's label for a conditional model
     * (p(x|z) otherwise).
     *
     * @param labels one label per row, or null; required by a conditional model
     */
    public INDArray decode(INDArray z, int[] labels) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(NetworkGraphs.Z, z);
        GraphFeed.putLabels(feed, conditioningClasses, labels, z.rows());
        return SameDiffGraphs.output(sd, feed, VaeGraph.X_MEAN).get(VaeGraph.X_MEAN);
    }
}
