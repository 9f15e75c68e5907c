package org.vaelab.core.train;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The encoder and the decoder of a model, each alone as a graph of its own for evaluation (no dropout), built with
 * the same calls as in the {@link VaeGraph} so their variables have the same names, and given the trained weights.
 * A conditional model's networks also take the one-hot labels {@link VaeGraph#Y}.
 */
public final class NetworkGraphs {

    /** The decoder's input placeholder: codes z, {@code [batch, latentDim]}. */
    public static final String Z = "z";
    /**
     * The decoder's output: the likelihood's parameters, {@code [batch, parametersPerValue * D]}, parameter block
     * {@code p} in columns {@code p * D .. (p + 1) * D - 1} ({@code Decoder#decode}).
     */
    public static final String PARAMS = "params";

    private NetworkGraphs() {
    }

    /**
     * q(z|x) of the model {@code parts} describe, with the current weights of {@code trained}: placeholder
     * {@link VaeGraph#X}, outputs {@link VaeGraph#Z_MEAN} and {@link VaeGraph#Z_LOG_VARIANCE}.
     */
    public static SameDiff encoder(VaeGraph trained, ModelParts parts) {
        SameDiff sd = SameDiffGraphs.create();
        SDVariable x = sd.placeHolder(VaeGraph.X, DataType.FLOAT, -1, parts.shape().size());
        GaussianPosterior q = parts.encoder().encode(
                new NetworkBuilder(sd, VaeGraph.ENCODER_SCOPE, new SplittableRandom(0)),
                parts.encoderInput(sd, x, labels(sd, parts)), parts.encoderShape(), parts.latentDim());
        sd.identity(VaeGraph.Z_MEAN, q.mean());
        sd.identity(VaeGraph.Z_LOG_VARIANCE, q.logVariance());
        ModelParts.copyWeights(trained.sameDiff(), sd);
        return sd;
    }

    /**
     * p(x|z) of the model {@code parts} describe, with the current weights of {@code trained}: placeholder
     * {@link #Z}, outputs {@link #PARAMS} and the likelihood's mean {@link VaeGraph#X_MEAN}.
     */
    public static SameDiff decoder(VaeGraph trained, ModelParts parts) {
        SameDiff sd = SameDiffGraphs.create();
        SDVariable z = sd.placeHolder(Z, DataType.FLOAT, -1, parts.latentDim());
        SDVariable params = sd.identity(PARAMS, parts.decoder().decode(
                new NetworkBuilder(sd, VaeGraph.DECODER_SCOPE, new SplittableRandom(0)),
                VaeGraph.withLabels(sd, parts.decoderCodes(sd, z), labels(sd, parts)), parts.decoderInputWidth(),
                parts.shape(),
                parts.likelihood().parametersPerValue()));
        sd.identity(VaeGraph.X_MEAN, parts.likelihood().mean(sd, params));
        ModelParts.copyWeights(trained.sameDiff(), sd);
        return sd;
    }

    /** The labels placeholder of a conditional model; null for one that is not conditioned on labels. */
    private static SDVariable labels(SameDiff sd, ModelParts parts) {
        int classes = parts.conditioning().classes();
        return classes > 0 ? sd.placeHolder(VaeGraph.Y, DataType.FLOAT, -1, classes) : null;
    }
}
