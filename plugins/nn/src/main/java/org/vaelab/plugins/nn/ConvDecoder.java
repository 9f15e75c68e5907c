package org.vaelab.plugins.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The convolutional decoder, the encoder of the same {@link ConvConfig} run backwards: from z an
 * optional fully connected layer {@code dense}, a fully connected layer {@code project} to the
 * encoder's last feature map, then for each convolution, last first, the transposed convolution
 * {@code deconv<i>} back to that convolution's input size (Radford et al. 2016, section 3;
 * Dumoulin and Visin 2016, section 4). Every map it makes has the size and activation of the
 * encoder's map it mirrors, except the last: {@code deconv0} is linear and has
 * {@code parametersPerValue * channels} channels at the images' height and width.
 *
 * <p>Flattening that NCHW output row-major puts channel {@code p * C + c} at columns
 * {@code (p * C + c) * H * W} onward, so parameter block {@code p} is channels
 * {@code p * C .. (p + 1) * C - 1}, each value at its own index in C, H, W order: the layout
 * {@link Decoder#decode} asks for.
 */
final class ConvDecoder implements Decoder {

    private final ConvConfig config;

    ConvDecoder(ConvConfig config) {
        this.config = config;
    }

    @Override
    public SDVariable decode(NetworkBuilder net, SDVariable z, int latentDim, DataShape shape, int parametersPerValue) {
        List<FeatureMap> maps = ConvShapes.trace(config, shape, "conv decoder");
        List<ConvLayer> layers = config.layers();
        int last = layers.size() - 1;
        SDVariable h = z;
        int width = latentDim;
        if (config.hasDense()) {
            h = config.denseActivation().apply(net.sameDiff(), net.dense("dense", h, width, config.dense()));
            width = config.dense();
        }
        FeatureMap deepest = maps.get(last + 1);
        h = layers.get(last).activation().apply(net.sameDiff(), net.dense("project", h, width, deepest.size()));
        h = net.sameDiff().reshape(h, -1, deepest.channels(), deepest.height(), deepest.width());
        for (int i = last; i > 0; i--) {
            h = ConvolutionLayers.transposed(net, "deconv" + i, h, maps.get(i + 1), maps.get(i), layers.get(i));
            h = layers.get(i - 1).activation().apply(net.sameDiff(), h);
        }
        FeatureMap output = maps.get(0).withChannels(parametersPerValue * maps.get(0).channels());
        h = ConvolutionLayers.transposed(net, "deconv0", h, maps.get(1), output, layers.get(0));
        return net.sameDiff().reshape(h, -1, output.size());
    }

    @Override
    public List<Long> parameterArrays(int latentDim, DataShape shape, int parametersPerValue) {
        List<FeatureMap> maps = ConvShapes.trace(config, shape, "conv decoder");
        List<ConvLayer> layers = config.layers();
        List<Long> arrays = new ArrayList<>();
        long width = latentDim;
        if (config.hasDense()) {
            arrays.addAll(ParameterArrays.dense(width, config.dense()));
            width = config.dense();
        }
        arrays.addAll(ParameterArrays.dense(width, ParameterArrays.values(maps.get(layers.size()))));
        for (int i = layers.size() - 1; i > 0; i--) {
            arrays.addAll(ParameterArrays.convolution(layers.get(i).kernel(), maps.get(i + 1).channels(),
                    maps.get(i).channels()));
        }
        arrays.addAll(ParameterArrays.convolution(layers.get(0).kernel(), maps.get(1).channels(),
                (long) parametersPerValue * maps.get(0).channels()));
        return arrays;
    }
}
