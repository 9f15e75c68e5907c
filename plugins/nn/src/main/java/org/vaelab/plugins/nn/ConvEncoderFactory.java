package org.vaelab.plugins.nn;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.nn.Encoder;

/** Registers {@link ConvEncoder} as encoder type {@code conv}. */
public final class ConvEncoderFactory implements ComponentFactory<ConvConfig, Encoder> {

    @Override
    public Class<ConvConfig> configType() {
        return ConvConfig.class;
    }

    @Override
    public Encoder create(ConvConfig config) {
        return new ConvEncoder(config);
    }

    @Override
    public String description() {
        return "Convolutional encoder: strided convolutions, an optional dense layer, then linear heads for mean and log-variance";
    }
}
