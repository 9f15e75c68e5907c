package org.vaelab.plugins.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.nn.Activation;

/**
 * Proves the feature-map sizes follow {@code floor((side + 2 padding - kernel) / stride) + 1} for
 * the reference network and odd sizes, that a stack too deep for its images is refused with every
 * size listed, and that the configuration records refuse values that do not fit together.
 */
class ConvShapesTest {

    static final ConvConfig REFERENCE = new ConvConfig(List.of(layer(32, 4, 2, 1), layer(64, 4, 2, 1)), 256,
            Activation.RELU);

    static ConvLayer layer(int channels, int kernel, int stride, int padding) {
        return new ConvLayer(channels, kernel, stride, padding, Activation.RELU);
    }

    @Test
    void referenceHalvesFashionMnistTwice() {
        assertEquals(List.of(new FeatureMap(1, 28, 28), new FeatureMap(32, 14, 14), new FeatureMap(64, 7, 7)),
                ConvShapes.trace(REFERENCE, TestVae.image(1, 28, 28), "conv encoder"));
        assertEquals(List.of(new FeatureMap(3, 32, 32), new FeatureMap(32, 16, 16), new FeatureMap(64, 8, 8)),
                ConvShapes.trace(REFERENCE, TestVae.image(3, 32, 32), "conv encoder"));
    }

    @Test
    void oddAndNonSquareSizesRoundUp() {
        ConvConfig config = new ConvConfig(List.of(layer(8, 3, 2, 1), layer(16, 3, 2, 1), layer(16, 3, 2, 1)), 0,
                Activation.RELU);
        assertEquals(List.of(new FeatureMap(1, 27, 20), new FeatureMap(8, 14, 10), new FeatureMap(16, 7, 5),
                new FeatureMap(16, 4, 3)), ConvShapes.trace(config, TestVae.image(1, 27, 20), "conv encoder"));
    }

    @Test
    void aStackTooDeepForItsImagesListsEverySize() {
        ConvConfig config = new ConvConfig(List.of(layer(32, 4, 2, 1), layer(64, 4, 2, 1), layer(64, 4, 2, 1),
                layer(64, 4, 2, 1)), 0, Activation.RELU);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ConvShapes.trace(config, TestVae.image(1, 8, 8), "conv encoder"));
        assertEquals("the conv encoder does not fit images of 1x8x8: layer 3 (kernel 4, stride 2, padding 1) gets a "
                + "64x1x1 map, which is smaller than its kernel even with the padding (side + 2 * padding < kernel). "
                + "Sizes layer by layer: input 1x8x8 -> layer 0: 32x4x4 -> layer 1: 64x2x2 -> layer 2: 64x1x1 -> layer "
                + "3: no output. Remove layers from the end, or use smaller strides or kernels", e.getMessage());
    }

    @Test
    void flatDataIsRefusedWithTheMlpHint() {
        DataShape flat = new DataShape(List.of(784), ValueRange.UNIT_INTERVAL, 0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ConvEncoder(REFERENCE)
                .encode(null, null, flat, 2));
        assertTrue(e.getMessage().contains("needs images of [channels, height, width], but the data's examples have "
                + "shape [784]"), e.getMessage());
        assertTrue(e.getMessage().contains("use type mlp"), e.getMessage());
    }

    @Test
    void paddingMustBeBelowTheKernel() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> layer(8, 3, 1, 3));
        assertEquals("padding", e.key());
        assertTrue(e.getMessage().startsWith("must be less than the kernel (3), found 3"), e.getMessage());
    }

    @Test
    void atLeastOneConvolution() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new ConvConfig(List.of(), 0, Activation.RELU));
        assertEquals("layers", e.key());
    }
}
