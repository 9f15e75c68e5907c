package org.vaelab.plugins.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.PadMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * Convolutions and transposed convolutions on NCHW feature maps, with weights named
 * {@code scope/layer/W} and {@code scope/layer/b} and initialised as PyTorch's {@code Conv2d} and
 * {@code ConvTranspose2d} do: uniform in {@code [-1/sqrt(fan_in), 1/sqrt(fan_in)]} (He et al. 2015
 * uniform with a = sqrt(5)), where {@code fan_in} is {@code in_channels * k * k} for a convolution
 * and, as PyTorch computes it from the transposed weight's second axis, {@code out_channels * k * k}
 * for a transposed one.
 */
final class ConvolutionLayers {

    private static final String NCHW = "NCHW";

    private ConvolutionLayers() {
    }

    /**
     * A convolution of {@code x}, a batch of {@code in} maps, by {@code layer}; no activation.
     * Weights are {@code [kH, kW, in, out]}, the layout whose gradient op ND4J 1.0.0-M2.1 gets
     * right (its {@code conv2d_bp} ignores any other weights format).
     */
    static SDVariable convolution(NetworkBuilder net, String name, SDVariable x, FeatureMap in, ConvLayer layer) {
        int k = layer.kernel();
        double bound = 1.0 / Math.sqrt((double) in.channels() * k * k);
        SameDiff sd = net.sameDiff();
        SDVariable w = net.variable(name + "/W", () -> net.uniform(bound, k, k, in.channels(), layer.channels()));
        SDVariable b = net.variable(name + "/b", () -> net.uniform(bound, layer.channels()));
        Conv2DConfig config = Conv2DConfig.builder().kH(k).kW(k).sH(layer.stride()).sW(layer.stride())
                .pH(layer.padding()).pW(layer.padding()).dataFormat(NCHW).build();
        return sd.cnn().conv2d(x, w, b, config);
    }

    /**
     * The transposed convolution of {@code layer} (the convolution's gradient with respect to its
     * input; Dumoulin and Visin 2016, section 4) from {@code in} maps to exactly {@code out}'s
     * channels, height and width; no activation. Weights are {@code [kH, kW, out, in]}. It equals
     * PyTorch's {@code ConvTranspose2d(padding, output_padding)} with the output padding that
     * reaches that size, so the input size of a convolution, which its output size leaves ambiguous
     * when the stride does not divide it evenly, is recovered exactly.
     */
    static SDVariable transposed(NetworkBuilder net, String name, SDVariable x, FeatureMap in, FeatureMap out,
                                 ConvLayer layer) {
        int k = layer.kernel();
        double bound = 1.0 / Math.sqrt((double) out.channels() * k * k);
        SameDiff sd = net.sameDiff();
        SDVariable w = net.variable(name + "/W", () -> net.uniform(bound, k, k, out.channels(), in.channels()));
        SDVariable b = net.variable(name + "/b", () -> net.uniform(bound, out.channels()));
        OutputWindow rows = OutputWindow.of(in.height(), out.height(), layer);
        OutputWindow columns = OutputWindow.of(in.width(), out.width(), layer);
        DeConv2DConfig config = DeConv2DConfig.builder().kH(k).kW(k).sH(layer.stride()).sW(layer.stride())
                .pH(rows.nativePadding()).pW(columns.nativePadding()).dataFormat(NCHW).build();
        SDVariable y = sd.cnn().deconv2d(x, w, config);
        if (rows.extension() > 0 || columns.extension() > 0) {
            int[][] padding = {{0, 0}, {0, 0}, {0, rows.extension()}, {0, columns.extension()}};
            y = sd.nn().pad(y, sd.constant(Nd4j.createFromArray(padding)), PadMode.CONSTANT, 0.0);
        }
        if (rows.crops() || columns.crops()) {
            y = sd.slice(y, new int[] {0, 0, rows.start(), columns.start()}, -1, -1, out.height(), out.width());
        }
        return sd.nn().biasAdd(y, b, true);
    }

    /**
     * Which part of the full transposed convolution, of side {@code stride * (in - 1) + kernel},
     * one axis of the output is: the {@code out} values from index {@code padding} on, where
     * indices past the full side hold zeros. The op's own symmetric padding removes as much as it
     * can ({@code nativePadding}); what is left is a zero extension at the end and a crop from
     * {@code start}.
     */
    private record OutputWindow(int nativePadding, int start, int extension, boolean crops) {

        static OutputWindow of(int in, int out, ConvLayer layer) {
            int padding = layer.padding();
            int full = layer.stride() * (in - 1) + layer.kernel();
            int nativePadding = Math.max(0, Math.min(padding, full - padding - out));
            int nativeSide = full - 2 * nativePadding;
            int start = padding - nativePadding;
            int extension = Math.max(0, start + out - nativeSide);
            return new OutputWindow(nativePadding, start, extension, nativeSide + extension != out);
        }
    }
}
