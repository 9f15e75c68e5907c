package org.vaelab.plugins.nn;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.nn.Encoder;

/** Registers {@link MlpEncoder} as encoder type {@code mlp}. */
public final class MlpEncoderFactory implements ComponentFactory<MlpConfig, Encoder> {

    @Override
    public Class<MlpConfig> configType() {
        return MlpConfig.class;
    }

    @Override
    public Encoder create(MlpConfig config) {
        return new MlpEncoder(config);
    }

    @Override
    public String description() {
        return "Fully connected encoder: hidden layers, then linear heads for mean and log-variance";
    }
}
