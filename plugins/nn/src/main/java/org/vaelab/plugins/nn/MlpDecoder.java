package org.vaelab.plugins.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.NetworkBuilder;

/** The MLP decoder: hidden layers, then a linear layer to the likelihood's parameters. */
final class MlpDecoder implements Decoder {

    private static final String OUTPUT = "out";

    private final MlpConfig config;

    MlpDecoder(MlpConfig config) {
        this.config = config;
    }

    @Override
    public SDVariable decode(NetworkBuilder net, SDVariable z, int latentDim, DataShape shape, int parametersPerValue) {
        SDVariable h = MlpStack.hidden(net, config, z, latentDim);
        int width = MlpStack.outputWidth(config, latentDim);
        return net.dense(OUTPUT, h, width, parametersPerValue * shape.size());
    }

    @Override
    public List<Long> parameterArrays(int latentDim, DataShape shape, int parametersPerValue) {
        List<Long> arrays = new ArrayList<>(MlpStack.parameterArrays(config, latentDim));
        arrays.addAll(ParameterArrays.dense(MlpStack.outputWidth(config, latentDim),
                (long) parametersPerValue * shape.size()));
        return arrays;
    }
}
