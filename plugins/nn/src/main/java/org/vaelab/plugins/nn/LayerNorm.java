package org.vaelab.plugins.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * Layer normalisation (Ba, Kiros and Hinton 2016, "Layer Normalization", equation 4): each row is
 * centred and scaled by its own mean and variance over the features,
 * {@code (h - mean) / sqrt(variance + 1e-5)}, the variance the biased one, then multiplied by a
 * learned gain and shifted by a learned bias that start at 1 and 0, as in PyTorch's
 * {@code nn.LayerNorm}.
 */
final class LayerNorm {

    /** Added to the variance before the square root, PyTorch's default. */
    static final double EPSILON = 1e-5;

    private LayerNorm() {
    }

    /**
     * Normalises {@code h}, a batch of {@code width} features; parameters {@code scope/layer/gain} and
     * {@code scope/layer/bias}.
     */
    static SDVariable apply(NetworkBuilder net, String layer, SDVariable h, int width) {
        SameDiff sd = net.sameDiff();
        SDVariable gain = net.variable(layer + "/gain", () -> Nd4j.ones(DataType.FLOAT, 1, width));
        SDVariable bias = net.variable(layer + "/bias", () -> Nd4j.zeros(DataType.FLOAT, 1, width));
        SDVariable centred = h.sub(h.mean(true, 1));
        SDVariable variance = sd.math().square(centred).mean(true, 1);
        return centred.mul(sd.math().rsqrt(variance.add(EPSILON))).mul(gain).add(bias);
    }
}
