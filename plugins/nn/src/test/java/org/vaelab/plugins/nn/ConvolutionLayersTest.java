package org.vaelab.plugins.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.nn.Activation;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * Proves the convolution and the transposed convolution compute, value by value, the sums that
 * define PyTorch's {@code Conv2d} and {@code ConvTranspose2d(padding, output_padding)}, written out
 * here as plain loops, for output paddings of 0, at most the padding, and beyond it; and that
 * their weights start within PyTorch's bounds.
 */
class ConvolutionLayersTest {

    private static final int BATCH = 2;

    @ParameterizedTest(name = "{0}x{1}x{2}, kernel {4}, stride {5}, padding {6}")
    @CsvSource({
            "3, 9, 8, 4, 4, 2, 1",
            "2, 7, 7, 3, 3, 2, 1",
            "2, 6, 5, 3, 1, 2, 0",
            "1, 5, 6, 2, 3, 1, 1",
    })
    void convolutionIsTheDefiningSum(int inChannels, int height, int width, int outChannels, int kernel, int stride,
            int padding) {
        ConvLayer layer = new ConvLayer(outChannels, kernel, stride, padding, Activation.RELU);
        FeatureMap in = new FeatureMap(inChannels, height, width);
        FeatureMap out = new FeatureMap(outChannels, layer.outputSide(height), layer.outputSide(width));
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, inChannels, height, width);
        ConvolutionLayers.convolution(new NetworkBuilder(sd, "net", new SplittableRandom(1)), "conv", x, in, layer)
                .rename("y");
        INDArray input = randomInput(in, 2);
        INDArray y = sd.output(Map.of("x", input), "y").get("y");
        INDArray w = sd.getVariable("net/conv/W").getArr();
        INDArray b = sd.getVariable("net/conv/b").getArr();

        assertArrayEquals(new long[] {BATCH, out.channels(), out.height(), out.width()}, y.shape());
        for (int n = 0; n < BATCH; n++) {
            for (int o = 0; o < out.channels(); o++) {
                for (int r = 0; r < out.height(); r++) {
                    for (int c = 0; c < out.width(); c++) {
                        double expected = b.getDouble(o);
                        for (int i = 0; i < in.channels(); i++) {
                            for (int kr = 0; kr < kernel; kr++) {
                                for (int kc = 0; kc < kernel; kc++) {
                                    int ir = r * stride - padding + kr;
                                    int ic = c * stride - padding + kc;
                                    if (ir >= 0 && ir < height && ic >= 0 && ic < width) {
                                        expected += input.getDouble(n, i, ir, ic) * w.getDouble(kr, kc, i, o);
                                    }
                                }
                            }
                        }
                        assertEquals(expected, y.getDouble(n, o, r, c), 1e-5,
                                "y[" + n + ", " + o + ", " + r + ", " + c + "]");
                    }
                }
            }
        }
    }

    /**
     * Cases: output padding 0 (the op's own padding does everything), 1 with padding 1 (a crop),
     * 1 with padding 0 (a zero row past the full output), different per axis, and stride 1.
     */
    @ParameterizedTest(name = "{1}x{2} -> {3}x{4}, kernel {6}, stride {7}, padding {8}")
    @CsvSource({
            "3, 7, 7, 14, 14, 2, 4, 2, 1",
            "2, 7, 4, 13, 8, 3, 3, 2, 1",
            "2, 6, 6, 14, 13, 2, 3, 2, 0",
            "1, 4, 5, 4, 5, 2, 3, 1, 1",
    })
    void transposedConvolutionIsTheDefiningSum(int inChannels, int inHeight, int inWidth, int outHeight, int outWidth,
                                               int outChannels, int kernel, int stride, int padding) {
        ConvLayer layer = new ConvLayer(inChannels, kernel, stride, padding, Activation.RELU);
        FeatureMap in = new FeatureMap(inChannels, inHeight, inWidth);
        FeatureMap out = new FeatureMap(outChannels, outHeight, outWidth);
        assertEquals(inHeight, layer.outputSide(outHeight), "the case mirrors a convolution of the output size");
        assertEquals(inWidth, layer.outputSide(outWidth), "the case mirrors a convolution of the output size");
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, inChannels, inHeight, inWidth);
        ConvolutionLayers.transposed(new NetworkBuilder(sd, "net", new SplittableRandom(1)), "deconv", x, in, out,
                layer).rename("y");
        INDArray input = randomInput(in, 3);
        INDArray y = sd.output(Map.of("x", input), "y").get("y");
        INDArray w = sd.getVariable("net/deconv/W").getArr();
        INDArray b = sd.getVariable("net/deconv/b").getArr();

        assertArrayEquals(new long[] {BATCH, outChannels, outHeight, outWidth}, y.shape());
        for (int n = 0; n < BATCH; n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int r = 0; r < outHeight; r++) {
                    for (int c = 0; c < outWidth; c++) {
                        double expected = b.getDouble(o);
                        for (int i = 0; i < inChannels; i++) {
                            for (int ir = 0; ir < inHeight; ir++) {
                                for (int ic = 0; ic < inWidth; ic++) {
                                    int kr = r + padding - ir * stride;
                                    int kc = c + padding - ic * stride;
                                    if (kr >= 0 && kr < kernel && kc >= 0 && kc < kernel) {
                                        expected += input.getDouble(n, i, ir, ic) * w.getDouble(kr, kc, o, i);
                                    }
                                }
                            }
                        }
                        assertEquals(expected, y.getDouble(n, o, r, c), 1e-5,
                                "y[" + n + ", " + o + ", " + r + ", " + c + "]");
                    }
                }
            }
        }
    }

    @Test
    void weightsStartWithinPyTorchsBounds() {
        ConvLayer layer = new ConvLayer(16, 4, 2, 1, Activation.RELU);
        SameDiff sd = SameDiff.create();
        NetworkBuilder net = new NetworkBuilder(sd, "net", new SplittableRandom(5));
        FeatureMap big = new FeatureMap(16, 8, 8);
        FeatureMap small = new FeatureMap(16, 4, 4);
        ConvolutionLayers.convolution(net, "conv", sd.placeHolder("a", DataType.FLOAT, -1, 16, 8, 8), big, layer);
        ConvolutionLayers.transposed(net, "deconv", sd.placeHolder("b", DataType.FLOAT, -1, 16, 4, 4), small,
                big.withChannels(3), layer);
        assertBound(sd.getVariable("net/conv/W").getArr(), 1 / Math.sqrt(16 * 4 * 4));
        assertBound(sd.getVariable("net/conv/b").getArr(), 1 / Math.sqrt(16 * 4 * 4));
        assertBound(sd.getVariable("net/deconv/W").getArr(), 1 / Math.sqrt(3 * 4 * 4));
        assertArrayEquals(new long[] {4, 4, 3, 16}, sd.getVariable("net/deconv/W").getArr().shape(),
                "[kH, kW, out, in]");
    }

    /** Every value within the bound, and the largest near it. */
    private static void assertBound(INDArray values, double bound) {
        double largest = values.amaxNumber().doubleValue();
        assertTrue(largest <= bound, largest + " > " + bound);
        assertTrue(largest > 0.8 * bound, "largest " + largest + " of bound " + bound);
    }

    private static INDArray randomInput(FeatureMap map, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[BATCH * map.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return Nd4j.create(values, new long[] {BATCH, map.channels(), map.height(), map.width()}, 'c');
    }
}
