package org.vaelab.plugins.nn;

import java.util.List;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;
import org.vaelab.spi.nn.Activation;

/**
 * A convolutional network in the style of DCGAN (Radford et al. 2016, "Unsupervised Representation
 * Learning with Deep Convolutional Generative Adversarial Networks"): strided convolutions instead
 * of pooling, then an optional fully connected hidden layer. Shared by the {@code conv} encoder and
 * decoder; the decoder runs the same layers mirrored with transposed convolutions, so a spec gives
 * both the same block for a symmetric VAE.
 */
public record ConvConfig(
        @Param(value = "Convolutions, input side first",
                defaultValue = "[{channels: 32, kernel: 4, stride: 2, padding: 1}, {channels: 64, kernel: 4, stride: "
                        + "2, padding: 1}]")
        List<ConvLayer> layers,
        @Param(value = "Size of the fully connected hidden layer between the convolutions and z, 0 for none",
                defaultValue = "256", min = 0)
        int dense,
        @Param(value = "Activation after the fully connected hidden layer", defaultValue = "relu")
        Activation denseActivation) {

    public ConvConfig {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new InvalidConfigException("layers", "needs at least one convolution; use type mlp for none");
        }
    }

    /** Whether there is a fully connected hidden layer. */
    boolean hasDense() {
        return dense > 0;
    }
}
