package org.vaelab.plugins.nn;

import com.google.inject.AbstractModule;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in encoders and decoders. */
public final class NetworksPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        Registries.encoders(binder()).addBinding("mlp").to(MlpEncoderFactory.class);
        Registries.decoders(binder()).addBinding("mlp").to(MlpDecoderFactory.class);
        Registries.encoders(binder()).addBinding("conv").to(ConvEncoderFactory.class);
        Registries.decoders(binder()).addBinding("conv").to(ConvDecoderFactory.class);
    }
}
