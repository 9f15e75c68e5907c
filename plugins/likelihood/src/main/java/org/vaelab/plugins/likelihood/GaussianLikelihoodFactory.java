package org.vaelab.plugins.likelihood;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * Registers the Gaussian {@link LocationScaleLikelihood} as likelihood type {@code gaussian}.
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
public final class GaussianLikelihoodFactory implements ComponentFactory<GaussianConfig, Likelihood> {

    @Override
    public Class<GaussianConfig> configType() {
        return GaussianConfig.class;
    }

    @Override
    public Likelihood create(GaussianConfig config) {
        LocationScaleFamily family = LocationScaleFamily.GAUSSIAN;
        return new LocationScaleLikelihood(family, config.sigma(), family.logSpread(config.sigmaValue()),
                new LogSpreadBounds(config.minLogVariance(), config.maxLogVariance()));
    }

    @Override
    public String description() {
        return "Independent Gaussian per value on the decoder's mean, with a fixed, one learned or a per-value "
                + "learned variance, normalised (sigma 1/sqrt(2) is squared error plus a constant)";
    }
}
