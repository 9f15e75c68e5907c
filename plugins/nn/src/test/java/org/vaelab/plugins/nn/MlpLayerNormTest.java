package org.vaelab.plugins.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.nn.Activation;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * Proves layer normalisation at its initial gain and bias gives every row mean 0 and variance
 * {@code v / (v + 1e-5)}, v the row's own variance, whatever the row's offset and scale; that the
 * gain and bias then apply per feature; and that in an {@code mlp} they are named per layer and
 * receive gradient.
 */
class MlpLayerNormTest {

    private static final int WIDTH = 50;
    private static final double[] OFFSETS = {0, 7, -300, 0.5};
    private static final double[] SCALES = {1, 0.5, 40, 0.01};

    @Test
    void initialOutputRowsAreStandardised() {
        INDArray h = rows();
        INDArray y = normalise(h, null, null);
        for (int row = 0; row < OFFSETS.length; row++) {
            INDArray in = h.getRow(row);
            double variance = in.varNumber().doubleValue() * (WIDTH - 1) / WIDTH;
            INDArray out = y.getRow(row);
            assertEquals(0, out.meanNumber().doubleValue(), 2e-5, "mean of row " + row);
            double outVariance = out.varNumber().doubleValue() * (WIDTH - 1) / WIDTH;
            assertEquals(variance / (variance + LayerNorm.EPSILON), outVariance, 1e-4, "variance of row " + row);
        }
        assertTrue(y.getRow(3).varNumber().doubleValue() < 0.5,
                "epsilon 1e-5 visibly shrinks a row of variance 1e-4 / 12");
    }

    @Test
    void gainAndBiasApplyPerFeature() {
        INDArray h = rows();
        INDArray gain = Nd4j.linspace(DataType.FLOAT, -2, 0.1, WIDTH).reshape(1, WIDTH);
        INDArray bias = Nd4j.linspace(DataType.FLOAT, 3, -0.2, WIDTH).reshape(1, WIDTH);
        INDArray expected = normalise(h, null, null).mulRowVector(gain).addRowVector(bias);
        assertTrue(expected.equalsWithEps(normalise(h, gain, bias), 1e-4));
    }

    @Test
    void mlpNamesItsNormsAndTrainsThem() {
        MlpConfig config = new MlpConfig(List.of(16, 8), Activation.TANH, true, 0.0);
        DataShape shape = new DataShape(List.of(12), ValueRange.UNIT_INTERVAL, 0);
        TestVae vae = TestVae.build(new MlpEncoder(config), new MlpDecoder(config), shape, 2, 2, 1);
        List<String> norms = vae.weightNames().stream().filter(n -> n.contains("/norm/")).toList();
        assertEquals(List.of("encoder/hidden0/norm/gain", "encoder/hidden0/norm/bias", "encoder/hidden1/norm/gain",
                "encoder/hidden1/norm/bias", "decoder/hidden0/norm/gain", "decoder/hidden0/norm/bias",
                "decoder/hidden1/norm/gain", "decoder/hidden1/norm/bias").stream().sorted().toList(), norms);
        Map<String, INDArray> feed = vae.feed(4, 2);
        assertArrayEquals(new long[] {4, 24}, vae.output(feed).get(TestVae.PARAMS).shape());
        Map<String, INDArray> gradients = vae.gradients(feed);
        for (String name : vae.weightNames()) {
            double norm = gradients.get(name).norm2Number().doubleValue();
            assertTrue(Double.isFinite(norm) && norm > 0, name + ": " + norm);
        }
    }

    @Test
    void withoutLayerNormTheMlpIsUnchanged() {
        MlpConfig config = new MlpConfig(List.of(16), Activation.RELU);
        DataShape shape = new DataShape(List.of(12), ValueRange.UNIT_INTERVAL, 0);
        TestVae vae = TestVae.build(new MlpEncoder(config), new MlpDecoder(config), shape, 2, 1, 1);
        assertEquals(List.of("encoder/hidden0/W", "encoder/hidden0/b", "encoder/mean/W", "encoder/mean/b",
                "encoder/logvar/W", "encoder/logvar/b", "decoder/hidden0/W", "decoder/hidden0/b", "decoder/out/W",
                "decoder/out/b").stream().sorted().toList(), vae.weightNames());
    }

    /** Rows of {@link #WIDTH} features with the given offsets and scales. */
    private static INDArray rows() {
        SplittableRandom random = new SplittableRandom(11);
        float[] values = new float[OFFSETS.length * WIDTH];
        for (int row = 0; row < OFFSETS.length; row++) {
            for (int i = 0; i < WIDTH; i++) {
                values[row * WIDTH + i] = (float) (OFFSETS[row] + SCALES[row] * random.nextDouble());
            }
        }
        return Nd4j.create(values, new long[] {OFFSETS.length, WIDTH}, 'c');
    }

    /** Layer norm of {@code h}, with the given gain and bias or the initial ones when null. */
    private static INDArray normalise(INDArray h, INDArray gain, INDArray bias) {
        SameDiff sd = SameDiff.create();
        LayerNorm.apply(new NetworkBuilder(sd, "net", new SplittableRandom(1)), "norm",
                sd.placeHolder("h", DataType.FLOAT, -1, WIDTH), WIDTH).rename("y");
        if (gain != null) {
            sd.getVariable("net/norm/gain").getArr().assign(gain);
            sd.getVariable("net/norm/bias").getArr().assign(bias);
        }
        return sd.output(Map.of("h", h), "y").get("y");
    }
}
