package org.vaelab.plugins.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The MLP encoder of Kingma and Welling 2014 (appendix C.2): hidden layers, then two linear
 * heads for the mean and the log-variance of q(z|x).
 */
final class MlpEncoder implements Encoder {

    private final MlpConfig config;

    MlpEncoder(MlpConfig config) {
        this.config = config;
    }

    @Override
    public GaussianPosterior encode(NetworkBuilder net, SDVariable x, DataShape shape, int latentDim) {
        SDVariable h = MlpStack.hidden(net, config, x, shape.size());
        return GaussianHeads.on(net, h, MlpStack.outputWidth(config, shape.size()), latentDim);
    }

    @Override
    public List<Long> parameterArrays(DataShape shape, int latentDim) {
        List<Long> arrays = new ArrayList<>(MlpStack.parameterArrays(config, shape.size()));
        arrays.addAll(GaussianHeads.parameterArrays(MlpStack.outputWidth(config, shape.size()), latentDim));
        return arrays;
    }
}
