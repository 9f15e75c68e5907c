package org.vaelab.core.train;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The decoder alone, z (and for a conditional model the label y) to the mean of p(x|z), built with the same calls as in
 * the {@link VaeGraph} so its variables have the same names, and given the trained weights.
 */
public final class GeneratorGraph {

    private static final String Z = "z";

    private final SameDiff sd;
    private final int conditioningClasses;

    private GeneratorGraph(SameDiff sd, int conditioningClasses) {
        this.sd = sd;
        this.conditioningClasses = conditioningClasses;
    }

    /** A generator of the model {@code parts} describe, with the current weights of {@code trained}. */
    public static GeneratorGraph of(VaeGraph trained, ModelParts parts) {
        SameDiff sd = SameDiffGraphs.create();
        SDVariable z = sd.placeHolder(Z, DataType.FLOAT, -1, parts.latentDim());
        int classes = parts.conditioning().classes();
        SDVariable y = classes > 0 ? sd.placeHolder(VaeGraph.Y, DataType.FLOAT, -1, classes) : null;
        SDVariable params = parts.decoder().decode(
                new NetworkBuilder(sd, VaeGraph.DECODER_SCOPE, new SplittableRandom(0)), VaeGraph.withLabels(sd, z, y),
                parts.decoderInputWidth(), parts.shape(), parts.likelihood().parametersPerValue());
        sd.identity(VaeGraph.X_MEAN, parts.likelihood().mean(sd, params));
        ModelParts.copyWeights(trained.sameDiff(), sd);
        return new GeneratorGraph(sd, classes);
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
        feed.put(Z, z);
        GraphFeed.putLabels(feed, conditioningClasses, labels, z.rows());
        return SameDiffGraphs.output(sd, feed, VaeGraph.X_MEAN).get(VaeGraph.X_MEAN);
    }
}
