package org.vaelab.plugins.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.LabelInput;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The convolutional encoder: the flattened images reshaped to NCHW, strided convolutions
 * {@code conv<i>} each followed by its activation (Radford et al. 2016, "Unsupervised
 * Representation Learning with Deep Convolutional Generative Adversarial Networks", section 3),
 * the last map flattened, an optional fully connected layer {@code dense}, then linear heads for
 * the mean and log-variance of q(z|x) (Kingma and Welling 2014, appendix C.2).
 */
final class ConvEncoder implements Encoder {

    private final ConvConfig config;

    ConvEncoder(ConvConfig config) {
        this.config = config;
    }

    @Override
    public GaussianPosterior encode(NetworkBuilder net, SDVariable x, DataShape shape, int latentDim) {
        List<FeatureMap> maps = ConvShapes.trace(config, shape, "conv encoder");
        FeatureMap input = maps.get(0);
        SDVariable h = net.sameDiff().reshape(x, -1, input.channels(), input.height(), input.width());
        for (int i = 0; i < config.layers().size(); i++) {
            ConvLayer layer = config.layers().get(i);
            h = layer.activation().apply(net.sameDiff(),
                    ConvolutionLayers.convolution(net, "conv" + i, h, maps.get(i), layer));
        }
        int width = maps.get(maps.size() - 1).size();
        h = net.sameDiff().reshape(h, -1, width);
        if (config.hasDense()) {
            h = config.denseActivation().apply(net.sameDiff(), net.dense("dense", h, width, config.dense()));
            width = config.dense();
        }
        return GaussianHeads.on(net, h, width, latentDim);
    }

    @Override
    public List<Long> parameterArrays(DataShape shape, int latentDim) {
        List<FeatureMap> maps = ConvShapes.trace(config, shape, "conv encoder");
        List<Long> arrays = new ArrayList<>();
        for (int i = 0; i < config.layers().size(); i++) {
            ConvLayer layer = config.layers().get(i);
            arrays.addAll(ParameterArrays.convolution(layer.kernel(), maps.get(i).channels(), layer.channels()));
        }
        long width = ParameterArrays.values(maps.get(maps.size() - 1));
        if (config.hasDense()) {
            arrays.addAll(ParameterArrays.dense(width, config.dense()));
            width = config.dense();
        }
        arrays.addAll(GaussianHeads.parameterArrays(width, latentDim));
        return arrays;
    }

    /**
     * The label of a conditional model as constant channels of the image, so the first convolution sees it at every
     * position; the decoder's dense input gets it appended to z (Sohn, Lee and Yan 2015, q(z|x, y) and p(x|z, y)).
     */
    @Override
    public LabelInput labelInput() {
        return LabelInput.CHANNELS;
    }

    @Override
    public Optional<String> incompatibility(DataShape shape) {
        return ConvShapes.notImages(shape, "conv encoder");
    }
}
