package org.vaelab.plugins.likelihood;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * Independent values from one location-scale density ({@link LocationScaleFamily}): the decoder
 * gives the location {@code mu} of every value, taken as is (no squashing), and the spread is
 * fixed, one learned scalar, or a second decoder output per value ({@link ScaleMode}). The
 * log-probability is the sum over values of the family's normalised log-density, in nats.
 *
 * <p>Learned spreads pass through the soft clamp of {@link LogSpreadBounds}. With
 * {@link ScaleMode#LEARNED_SCALAR} the likelihood adds one trainable scalar to the graph,
 * {@code likelihood/log_variance} (Gaussian) or {@code likelihood/log_scale} (Laplace), holding
 * the raw value before the clamp and starting at 0; a second call on the same graph reuses it.
 * With {@link ScaleMode#LEARNED_PER_DIM} the parameters are {@code [batch, 2 D]}: the location
 * block, then the raw log-spread block. The mean is {@code mu} for both families, unclipped.
 */
final class LocationScaleLikelihood implements Likelihood {

    private final LocationScaleFamily family;
    private final ScaleMode mode;
    private final double fixedLogSpread;
    private final LogSpreadBounds bounds;

    /**
     * @param fixedLogSpread the log-spread when {@code mode} is {@link ScaleMode#FIXED}
     * @param bounds the clamp of learned log-spreads
     */
    LocationScaleLikelihood(LocationScaleFamily family, ScaleMode mode, double fixedLogSpread, LogSpreadBounds bounds) {
        this.family = family;
        this.mode = mode;
        this.fixedLogSpread = fixedLogSpread;
        this.bounds = bounds;
    }

    /**
     * The {@code gaussian} likelihood.
     *
     * <p>Relation to the mean squared error: per value
     * {@code -log N(x; mu, s^2) = (x - mu)^2 / (2 s^2) + log s + log(2 pi) / 2}. With
     * {@code sigma_value = 1/sqrt(2)} the first term is {@code (x - mu)^2} and the constants add up to
     * {@code log(pi) / 2}, so {@code -log p(x) = sum_i (x_i - mu_i)^2 + (D/2) log(pi)}: the
     * sum-of-squares loss plus a constant, 448.7341 nats for the D = 784 values of an MNIST image.
     * Any other fixed sigma scales the squared errors by {@code 1 / (2 sigma^2)}; the default
     * sigma = 1 gives {@code sum (x - mu)^2 / 2 + (D/2) log(2 pi)} (720.4478 nats of constant for
     * D = 784). The constants are kept so that ELBOs stay normalised (DESIGN.md section 9).
     */
    static LocationScaleLikelihood gaussian(GaussianConfig config) {
        LocationScaleFamily family = LocationScaleFamily.GAUSSIAN;
        return new LocationScaleLikelihood(family, config.sigma(), family.logSpread(config.sigmaValue()),
                new LogSpreadBounds(config.minLogVariance(), config.maxLogVariance()));
    }

    /**
     * The {@code laplace} likelihood: per value {@code -log p = |x - mu| / b + log(2b)}, so with a
     * fixed b = 1 the loss is the sum of absolute errors plus {@code D log 2}.
     */
    static LocationScaleLikelihood laplace(LaplaceConfig config) {
        LocationScaleFamily family = LocationScaleFamily.LAPLACE;
        return new LocationScaleLikelihood(family, config.scale(), family.logSpread(config.scaleValue()),
                new LogSpreadBounds(config.minLogScale(), config.maxLogScale()));
    }

    @Override
    public int parametersPerValue() {
        return mode == ScaleMode.LEARNED_PER_DIM ? 2 : 1;
    }

    @Override
    public SDVariable logProbability(SameDiff sd, SDVariable x, SDVariable params) {
        SDVariable[] blocks = blocks(sd, params);
        SDVariable logSpread = switch (mode) {
            case FIXED -> sd.constant(Nd4j.scalar(x.dataType(), fixedLogSpread));
            case LEARNED_SCALAR -> bounds.clamp(sd, learnedScalar(sd, x.dataType()));
            case LEARNED_PER_DIM -> bounds.clamp(sd, blocks[1]);
        };
        return RowSums.of(sd, family.logDensity(sd, x.sub(blocks[0]), logSpread), x);
    }

    @Override
    public SDVariable mean(SameDiff sd, SDVariable params) {
        return blocks(sd, params)[0];
    }

    /** The parameter blocks {@code [batch, D]}: the location, then the raw log-spread if the decoder gives one. */
    private SDVariable[] blocks(SameDiff sd, SDVariable params) {
        return parametersPerValue() == 1 ? new SDVariable[] {params} : sd.split(params, parametersPerValue(), 1);
    }

    private SDVariable learnedScalar(SameDiff sd, DataType type) {
        String name = "likelihood/" + family.spreadName();
        return sd.hasVariable(name) ? sd.getVariable(name) : sd.var(name, Nd4j.scalar(type, 0.0));
    }
}
