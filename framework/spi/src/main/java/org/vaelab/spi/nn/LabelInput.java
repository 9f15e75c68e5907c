package org.vaelab.spi.nn;

/**
 * How an {@link Encoder} of a conditional model takes the example's one-hot label y, as in the conditional VAE of
 * Sohn, Lee and Yan 2015, "Learning Structured Output Representation using Deep Conditional Generative Models",
 * where q(z|x, y) sees x and y together. The framework attaches y to x this way before the encoder; the decoder
 * always gets y appended to z. Since SPI 2.3.
 */
public enum LabelInput {

    /**
     * y appended to the flattened example: the encoder takes vectors of {@code D + classes} values, as an MLP's first
     * dense layer does.
     */
    APPENDED,

    /**
     * y as {@code classes} constant feature maps after the image's channels, map k all ones where y_k = 1 and all
     * zeros elsewhere: the encoder takes images of {@code [C + classes, H, W]}, flattened row-major, so the first
     * convolution sees the label at every position (the usual way to condition a convolutional network on a label,
     * as the conditional GAN of Mirza and Osindero 2014 is commonly implemented).
     */
    CHANNELS
}
