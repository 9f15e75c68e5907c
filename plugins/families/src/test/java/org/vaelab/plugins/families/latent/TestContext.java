package org.vaelab.plugins.families.latent;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * A {@link LatentContext} over a fresh graph whose "encoder" is linear, {@code mean = u A} and
 * {@code logVariance = u B}, so densities built on it can be computed by hand.
 */
final class TestContext implements LatentContext {

    private final SameDiff sd = SameDiff.create();
    private final int latentDim;
    private final double[][] meanWeights;
    private final double[][] logVarianceWeights;

    /** {@code A} and {@code B} are {@code [encoderInputWidth, latentDim]}. */
    TestContext(int latentDim, double[][] meanWeights, double[][] logVarianceWeights) {
        this.latentDim = latentDim;
        this.meanWeights = meanWeights;
        this.logVarianceWeights = logVarianceWeights;
    }

    /** A context without an encoder. */
    TestContext(int latentDim) {
        this(latentDim, new double[1][latentDim], new double[1][latentDim]);
    }

    @Override
    public SameDiff sameDiff() {
        return sd;
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public NetworkBuilder network() {
        return new NetworkBuilder(sd, "part", new SplittableRandom(7));
    }

    @Override
    public int encoderInputWidth() {
        return meanWeights.length;
    }

    @Override
    public GaussianPosterior encode(SDVariable inputs) {
        return new GaussianPosterior(inputs.mmul(sd.constant(matrix(meanWeights))),
                inputs.mmul(sd.constant(matrix(logVarianceWeights))));
    }

    /** A float placeholder of {@code columns} columns. */
    SDVariable placeholder(String name, int columns) {
        return sd.placeHolder(name, DataType.FLOAT, -1, columns);
    }

    /** Sets the variable {@code part/local} to {@code values}. */
    void set(String local, double[][] values) {
        sd.getVariable("part/" + local).getArr().assign(matrix(values));
    }

    static INDArray matrix(double[][] values) {
        return Nd4j.createFromArray(values).castTo(DataType.FLOAT);
    }

    static double logNormal(double x, double mean, double logVariance) {
        return -0.5 * ((x - mean) * (x - mean) / Math.exp(logVariance) + logVariance + Math.log(2 * Math.PI));
    }
}
