package org.vaelab.plugins.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.nn.ConvShapesTest.REFERENCE;
import static org.vaelab.plugins.nn.ConvShapesTest.layer;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.nn.Activation;

/**
 * Proves the {@code conv} encoder and decoder give the shapes the SPI promises for several image
 * shapes and parameter counts, that the loss reaches every weight, that weights are a function of
 * the seed under fixed names, that the decoder lays parameter blocks out as {@link
 * org.vaelab.spi.nn.Decoder#decode} asks, and that gradient steps on the encoder do what they should.
 */
class ConvNetworksTest {

    private static final int LATENT = 3;
    private static final int BATCH = 2;
    private static final ConvConfig ODD = new ConvConfig(List.of(layer(4, 3, 2, 1), layer(6, 3, 2, 1)), 0,
            Activation.TANH);
    private static final ConvConfig SMALL = new ConvConfig(List.of(layer(4, 4, 2, 1), layer(8, 4, 2, 1)), 16,
            Activation.RELU);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(REFERENCE, TestVae.image(1, 28, 28), 1),
                Arguments.of(REFERENCE, TestVae.image(1, 28, 28), 2),
                Arguments.of(REFERENCE, TestVae.image(3, 32, 32), 1),
                Arguments.of(REFERENCE, TestVae.image(3, 32, 32), 2),
                Arguments.of(ODD, TestVae.image(1, 27, 27), 1),
                Arguments.of(ODD, TestVae.image(2, 28, 28), 2),
                Arguments.of(ODD, TestVae.image(1, 13, 20), 2));
    }

    private static TestVae vae(ConvConfig config, DataShape shape, int parametersPerValue, long seed) {
        return TestVae.build(new ConvEncoder(config), new ConvDecoder(config), shape, LATENT, parametersPerValue, seed);
    }

    @ParameterizedTest(name = "{1} with {2} parameters per value")
    @MethodSource("cases")
    void outputsHaveTheSpiShapes(ConvConfig config, DataShape shape, int parametersPerValue) {
        TestVae vae = vae(config, shape, parametersPerValue, 1);
        Map<String, INDArray> out = vae.output(vae.feed(BATCH, 2));
        assertArrayEquals(new long[] {BATCH, LATENT}, out.get(TestVae.MEAN).shape());
        assertArrayEquals(new long[] {BATCH, LATENT}, out.get(TestVae.LOG_VARIANCE).shape());
        assertArrayEquals(new long[] {BATCH, (long) parametersPerValue * shape.size()},
                out.get(TestVae.PARAMS).shape());
    }

    @ParameterizedTest(name = "{1} with {2} parameters per value")
    @MethodSource("cases")
    void theLossReachesEveryWeight(ConvConfig config, DataShape shape, int parametersPerValue) {
        TestVae vae = vae(config, shape, parametersPerValue, 1);
        Map<String, INDArray> gradients = vae.gradients(vae.feed(BATCH, 2));
        int convolutions = config.layers().size();
        int dense = config.hasDense() ? 2 : 0;
        // per network: W and b of every convolution and dense layer; encoder heads, decoder projection
        assertEquals(2 * (2 * convolutions + dense) + 2 * 2 + 2, vae.weightNames().size(),
                vae.weightNames().toString());
        for (String name : vae.weightNames()) {
            INDArray g = gradients.get(name);
            assertTrue(g.isR() && !g.isInfinite().any() && !g.isNaN().any(), name + " has a non-finite gradient");
            assertTrue(g.norm2Number().doubleValue() > 0, name + " gets no gradient");
        }
    }

    @Test
    void weightsHaveFixedNames() {
        assertEquals(List.of(
                "encoder/conv0/W", "encoder/conv0/b", "encoder/conv1/W", "encoder/conv1/b", "encoder/dense/W",
                "encoder/dense/b", "encoder/mean/W", "encoder/mean/b", "encoder/logvar/W", "encoder/logvar/b",
                "decoder/dense/W", "decoder/dense/b", "decoder/project/W", "decoder/project/b",
                "decoder/deconv1/W", "decoder/deconv1/b", "decoder/deconv0/W", "decoder/deconv0/b").stream().sorted()
                .toList(), vae(SMALL, TestVae.image(1, 12, 12), 1, 1).weightNames());
    }

    @Test
    void theSeedDecidesWeightsAndOutputs() {
        DataShape shape = TestVae.image(2, 12, 12);
        TestVae first = vae(SMALL, shape, 2, 7);
        TestVae again = vae(SMALL, shape, 2, 7);
        TestVae other = vae(SMALL, shape, 2, 8);
        Map<String, INDArray> feed = first.feed(BATCH, 3);
        for (String name : first.weightNames()) {
            INDArray w = first.sameDiff().getVariable(name).getArr();
            assertEquals(w, again.sameDiff().getVariable(name).getArr(), name);
            assertNotEquals(w, other.sameDiff().getVariable(name).getArr(), name);
        }
        INDArray params = first.output(feed).get(TestVae.PARAMS);
        assertEquals(params, again.output(feed).get(TestVae.PARAMS));
        assertNotEquals(params, other.output(feed).get(TestVae.PARAMS));
    }

    /**
     * With the last transposed convolution's weights zero, output channel {@code k} is its bias
     * {@code b_k} everywhere; setting {@code b_k = 100 p + c} for channel {@code k = p C + c} shows
     * which parameter block and which data channel every column holds.
     */
    @Test
    void parameterBlockPHoldsChannelsPCToPCPlusC() {
        int channels = 3;
        int parameters = 2;
        DataShape shape = TestVae.image(channels, 6, 5);
        TestVae vae = vae(new ConvConfig(List.of(layer(4, 3, 2, 1)), 0, Activation.RELU), shape, parameters, 1);
        vae.sameDiff().getVariable("decoder/deconv0/W").getArr().assign(0);
        float[] bias = new float[parameters * channels];
        for (int p = 0; p < parameters; p++) {
            for (int c = 0; c < channels; c++) {
                bias[p * channels + c] = 100 * p + c;
            }
        }
        vae.sameDiff().getVariable("decoder/deconv0/b").getArr().assign(Nd4j.createFromArray(bias));

        INDArray params = vae.output(vae.feed(BATCH, 4)).get(TestVae.PARAMS);
        int d = shape.size();
        int pixels = 6 * 5;
        for (int n = 0; n < BATCH; n++) {
            for (int p = 0; p < parameters; p++) {
                for (int i = 0; i < d; i++) {
                    assertEquals(100 * p + i / pixels, params.getDouble(n, p * d + i), 0.0, "column " + (p * d + i));
                }
            }
        }
    }

    /**
     * Plain gradient descent on {@code mean(mu(x)^2)} over the weights it depends on (the encoder's,
     * less the log-variance head): each small step lowers it, and ten steps take it well down.
     */
    @Test
    void gradientStepsShrinkTheEncoderMean() {
        TestVae vae = vae(SMALL, TestVae.image(1, 12, 12), 1, 3);
        var sd = vae.sameDiff();
        sd.math().square(sd.getVariable(TestVae.MEAN)).mean().rename("mean_square");
        sd.setLossVariables("mean_square");
        List<String> encoderWeights = vae.weightNames().stream()
                .filter(n -> n.startsWith("encoder/") && !n.startsWith("encoder/logvar/")).toList();
        Map<String, INDArray> feed = vae.feed(8, 5);
        double start = meanSquare(vae, feed);
        double previous = start;
        for (int step = 0; step < 10; step++) {
            Map<String, INDArray> gradients = TestVae.quietGradients(sd, feed, encoderWeights);
            for (String name : encoderWeights) {
                sd.getVariable(name).getArr().subi(gradients.get(name).mul(0.05));
            }
            double now = meanSquare(vae, feed);
            assertTrue(now < previous, "step " + step + ": " + previous + " -> " + now);
            previous = now;
        }
        assertTrue(previous < 0.5 * start, start + " -> " + previous);
    }

    private static double meanSquare(TestVae vae, Map<String, INDArray> feed) {
        return vae.sameDiff().output(feed, "mean_square").get("mean_square").getDouble(0);
    }

    @Test
    void referenceDecoderMirrorsTheEncoder() {
        TestVae vae = vae(REFERENCE, TestVae.image(1, 28, 28), 1, 1);
        var sd = vae.sameDiff();
        assertArrayEquals(new long[] {256, 64 * 7 * 7}, sd.getVariable("decoder/project/W").getArr().shape());
        assertArrayEquals(new long[] {4, 4, 32, 64}, sd.getVariable("decoder/deconv1/W").getArr().shape());
        assertArrayEquals(new long[] {4, 4, 1, 32}, sd.getVariable("decoder/deconv0/W").getArr().shape());
        assertArrayEquals(new long[] {4, 4, 1, 32}, sd.getVariable("encoder/conv0/W").getArr().shape());
        assertTrue(Transforms.abs(sd.getVariable("encoder/conv0/W").getArr()).maxNumber().doubleValue() <= 0.25);
    }
}
