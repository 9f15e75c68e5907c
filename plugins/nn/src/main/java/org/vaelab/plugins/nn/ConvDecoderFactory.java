package org.vaelab.plugins.nn;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.nn.Decoder;

/** Registers {@link ConvDecoder} as decoder type {@code conv}. */
public final class ConvDecoderFactory implements ComponentFactory<ConvConfig, Decoder> {

    @Override
    public Class<ConvConfig> configType() {
        return ConvConfig.class;
    }

    @Override
    public Decoder create(ConvConfig config) {
        return new ConvDecoder(config);
    }

    @Override
    public String description() {
        return "Transposed-convolution decoder mirroring the conv encoder of the same layers, back to the exact image size";
    }
}
