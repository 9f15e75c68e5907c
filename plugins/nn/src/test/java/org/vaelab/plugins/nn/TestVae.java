package org.vaelab.plugins.nn;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * An encoder and a decoder wired as in a VAE, {@code z = mean + exp(logvar / 2) * eps}, with the
 * loss {@code sum(params^2) / batch}, so every weight of both networks reaches the loss.
 * Outputs {@value #MEAN}, {@value #LOG_VARIANCE}, {@value #PARAMS} and {@value #LOSS}.
 */
final class TestVae {

    static final String X = "x";
    static final String EPS = "eps";
    static final String MEAN = "mean";
    static final String LOG_VARIANCE = "logvar";
    static final String PARAMS = "params";
    static final String LOSS = "loss";

    private final SameDiff sd;
    private final DataShape shape;
    private final int latentDim;

    private TestVae(SameDiff sd, DataShape shape, int latentDim) {
        this.sd = sd;
        this.shape = shape;
        this.latentDim = latentDim;
    }

    /** Builds both networks, drawing their weights from one generator seeded with {@code seed}, encoder first. */
    static TestVae build(Encoder encoder, Decoder decoder, DataShape shape, int latentDim, int parametersPerValue,
            long seed) {
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(seed);
        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, shape.size());
        SDVariable eps = sd.placeHolder(EPS, DataType.FLOAT, -1, latentDim);
        GaussianPosterior q = encoder.encode(new NetworkBuilder(sd, "encoder", random), x, shape, latentDim);
        q.mean().rename(MEAN);
        q.logVariance().rename(LOG_VARIANCE);
        SDVariable z = q.mean().add(sd.math().exp(q.logVariance().mul(0.5)).mul(eps));
        SDVariable params = decoder.decode(new NetworkBuilder(sd, "decoder", random), z, latentDim, shape,
                parametersPerValue);
        params.rename(PARAMS);
        sd.math().square(params).sum(1).mean().rename(LOSS);
        sd.setLossVariables(LOSS);
        return new TestVae(sd, shape, latentDim);
    }

    /** A grey-level image shape. */
    static DataShape image(int channels, int height, int width) {
        return DataShape.image(channels, height, width, ValueRange.UNIT_INTERVAL, 0);
    }

    SameDiff sameDiff() {
        return sd;
    }

    /** The trainable variables' names, sorted. */
    List<String> weightNames() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).map(SDVariable::name)
                .sorted().toList();
    }

    /** A feed of {@code batch} inputs uniform in [0, 1) and standard normal noise, from {@code seed}. */
    Map<String, INDArray> feed(int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[batch * shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        float[] eps = new float[batch * latentDim];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = (float) normal(random);
        }
        return Map.of(X, Nd4j.create(x, new long[] {batch, shape.size()}, 'c'),
                EPS, Nd4j.create(eps, new long[] {batch, latentDim}, 'c'));
    }

    private static double normal(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    Map<String, INDArray> output(Map<String, INDArray> feed) {
        return sd.output(feed, MEAN, LOG_VARIANCE, PARAMS, LOSS);
    }

    /** The gradient of the loss with respect to every weight. */
    Map<String, INDArray> gradients(Map<String, INDArray> feed) {
        return quietGradients(sd, feed, weightNames());
    }

    /** SameDiff's gradients, without the line per op it prints while building the backward graph. */
    static Map<String, INDArray> quietGradients(SameDiff sd, Map<String, INDArray> feed, List<String> variables) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return sd.calculateGradients(feed, variables);
        } finally {
            System.setOut(out);
        }
    }
}
