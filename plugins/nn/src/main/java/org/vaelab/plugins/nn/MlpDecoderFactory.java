package org.vaelab.plugins.nn;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.nn.Decoder;

/** Registers {@link MlpDecoder} as decoder type {@code mlp}. */
public final class MlpDecoderFactory implements ComponentFactory<MlpConfig, Decoder> {

    @Override
    public Class<MlpConfig> configType() {
        return MlpConfig.class;
    }

    @Override
    public Decoder create(MlpConfig config) {
        return new MlpDecoder(config);
    }

    @Override
    public String description() {
        return "Fully connected decoder: hidden layers, then a linear layer to the likelihood's parameters";
    }
}
