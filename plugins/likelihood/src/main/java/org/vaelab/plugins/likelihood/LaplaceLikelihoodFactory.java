package org.vaelab.plugins.likelihood;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.likelihood.Likelihood;

/**
 * Registers the Laplace {@link LocationScaleLikelihood} as likelihood type {@code laplace}: per
 * value {@code -log p = |x - mu| / b + log(2b)}, so with a fixed b = 1 the loss is the sum of
 * absolute errors plus {@code D log 2}.
 */
public final class LaplaceLikelihoodFactory implements ComponentFactory<LaplaceConfig, Likelihood> {

    @Override
    public Class<LaplaceConfig> configType() {
        return LaplaceConfig.class;
    }

    @Override
    public Likelihood create(LaplaceConfig config) {
        LocationScaleFamily family = LocationScaleFamily.LAPLACE;
        return new LocationScaleLikelihood(family, config.scale(), family.logSpread(config.scaleValue()),
                new LogSpreadBounds(config.minLogScale(), config.maxLogScale()));
    }

    @Override
    public String description() {
        return "Independent Laplace per value on the decoder's location, with a fixed, one learned or a per-value "
                + "learned scale, normalised (b 1 is absolute error plus D log 2)";
    }
}
