package org.vaelab.plugins.nn;

import java.util.List;
import org.vaelab.spi.Param;
import org.vaelab.spi.nn.Activation;

/**
 * A multilayer perceptron: fully connected hidden layers of the given sizes, each optionally
 * layer-normalised (Ba et al. 2016), followed by the activation and, when {@code dropout} is
 * positive, by dropout (Srivastava et al. 2014) during training. Shared by the {@code mlp} encoder
 * and decoder.
 */
public record MlpConfig(
        @Param(value = "Sizes of the hidden layers, input side first", defaultValue = "[400]", min = 1)
        List<Integer> hidden,
        @Param(value = "Activation after every hidden layer", defaultValue = "relu")
        Activation activation,
        @Param(value = "Layer-normalise every hidden layer before its activation, with a learned gain and bias",
                defaultValue = "false")
        boolean layerNorm,
        @Param(value = "Probability of dropping each hidden activation while training (0: no dropout); "
                + "evaluation, samples and pictures always use the whole network", defaultValue = "0.0", min = 0,
                max = 0.95)
        double dropout) {

    public MlpConfig {
        hidden = List.copyOf(hidden);
    }

    /** An MLP without layer normalisation or dropout. */
    public MlpConfig(List<Integer> hidden, Activation activation) {
        this(hidden, activation, false, 0.0);
    }
}
