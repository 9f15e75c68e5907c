package org.vaelab.plugins.nn;

import java.util.List;
import org.vaelab.spi.Param;
import org.vaelab.spi.nn.Activation;

/**
 * A multilayer perceptron: fully connected hidden layers of the given sizes, each optionally
 * layer-normalised (Ba et al. 2016) and followed by the activation. Shared by the {@code mlp}
 * encoder and decoder.
 */
public record MlpConfig(
        @Param(value = "Sizes of the hidden layers, input side first", defaultValue = "[400]", min = 1)
        List<Integer> hidden,
        @Param(value = "Activation after every hidden layer", defaultValue = "relu")
        Activation activation,
        @Param(value = "Layer-normalise every hidden layer before its activation, with a learned gain and bias",
                defaultValue = "false")
        boolean layerNorm) {

    public MlpConfig {
        hidden = List.copyOf(hidden);
    }

    /** An MLP without layer normalisation. */
    public MlpConfig(List<Integer> hidden, Activation activation) {
        this(hidden, activation, false);
    }
}
