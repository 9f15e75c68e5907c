package org.vaelab.plugins.nn;

import org.vaelab.spi.Family;
import org.vaelab.spi.PluginModule;

/** The built-in encoders and decoders. */
public final class NetworksPlugin extends PluginModule {

    @Override
    protected void configure() {
        register(Family.ENCODER, "mlp", MlpConfig.class, MlpEncoder::new,
                "Fully connected encoder: hidden layers, then linear heads for mean and log-variance");
        register(Family.DECODER, "mlp", MlpConfig.class, MlpDecoder::new,
                "Fully connected decoder: hidden layers, then a linear layer to the likelihood's parameters");
        register(Family.ENCODER, "conv", ConvConfig.class, ConvEncoder::new,
                "Convolutional encoder: strided convolutions, an optional dense layer, then linear heads for mean "
                        + "and log-variance");
        register(Family.DECODER, "conv", ConvConfig.class, ConvDecoder::new,
                "Transposed-convolution decoder mirroring the conv encoder of the same layers, back to the exact "
                        + "image size");
    }
}
