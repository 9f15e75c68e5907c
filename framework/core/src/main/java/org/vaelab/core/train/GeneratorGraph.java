package org.vaelab.core.train;

import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The decoder alone, z to the mean of p(x|z), built with the same calls as in the
 * {@link VaeGraph} so its variables have the same names, and given the trained weights.
 */
public final class GeneratorGraph {

    private static final String Z = "z";

    private final SameDiff sd;

    private GeneratorGraph(SameDiff sd) {
        this.sd = sd;
    }

    /** A generator of the model {@code parts} describe, with the current weights of {@code trained}. */
    public static GeneratorGraph of(VaeGraph trained, ModelParts parts) {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.placeHolder(Z, DataType.FLOAT, -1, parts.latentDim());
        SDVariable params = parts.decoder().decode(new NetworkBuilder(sd, VaeGraph.DECODER_SCOPE, new SplittableRandom(0)), z,
                parts.latentDim(), parts.shape(), parts.likelihood().parametersPerValue());
        sd.identity(VaeGraph.X_MEAN, parts.likelihood().mean(sd, params));
        ModelParts.copyWeights(trained.sameDiff(), sd);
        return new GeneratorGraph(sd);
    }

    /** The mean of p(x|z) for each row of {@code z}. */
    public INDArray decode(INDArray z) {
        return sd.output(Map.of(Z, z), VaeGraph.X_MEAN).get(VaeGraph.X_MEAN);
    }
}
