package org.vaelab.plugins.nn;

import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;
import org.vaelab.spi.nn.Activation;

/**
 * One strided 2-D convolution of a {@link ConvConfig}, square in kernel, stride and padding.
 * A feature map of height {@code h} comes out as {@code floor((h + 2 padding - kernel) / stride) + 1}
 * (Dumoulin and Visin 2016, "A guide to convolution arithmetic for deep learning", relationship 6);
 * the defaults halve even sizes, as in the DCGAN layers of Radford et al. 2016.
 */
public record ConvLayer(
        @Param(value = "Output channels of the layer", min = 1)
        int channels,
        @Param(value = "Side of the square kernel", defaultValue = "4", min = 1)
        int kernel,
        @Param(value = "Step between kernel positions, in both directions", defaultValue = "2", min = 1)
        int stride,
        @Param(value = "Zeros added on every side of the input", defaultValue = "1", min = 0)
        int padding,
        @Param(value = "Activation after the layer", defaultValue = "relu")
        Activation activation) {

    public ConvLayer {
        if (padding >= kernel) {
            throw new InvalidConfigException("padding",
                    "must be less than the kernel (" + kernel + "), found " + padding
                    + ": wider padding adds outputs that see nothing but zeros");
        }
    }

    /** The output side for an input side, possibly below 1 when the input is too small. */
    int outputSide(int inputSide) {
        return Math.floorDiv(inputSide + 2 * padding - kernel, stride) + 1;
    }

    /** The layer's geometry in words, for messages. */
    String geometry() {
        return "kernel " + kernel + ", stride " + stride + ", padding " + padding;
    }
}
