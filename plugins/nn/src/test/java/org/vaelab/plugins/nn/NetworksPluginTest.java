package org.vaelab.plugins.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.nn.Decoder;
import org.vaelab.spi.nn.Encoder;

/** Proves the plugin registers {@code mlp} and {@code conv} as both encoder and decoder types. */
class NetworksPluginTest {

    @Test
    void registersMlpAndConv() {
        Injector injector = Guice.createInjector(new NetworksPlugin());
        Map<String, ComponentFactory<?, Encoder>> encoders =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, Encoder>>>() { }));
        Map<String, ComponentFactory<?, Decoder>> decoders =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, Decoder>>>() { }));
        assertEquals(Set.of("mlp", "conv"), encoders.keySet());
        assertEquals(Set.of("mlp", "conv"), decoders.keySet());
        assertEquals(ConvConfig.class, encoders.get("conv").configType());
        assertEquals(ConvConfig.class, decoders.get("conv").configType());
    }
}
