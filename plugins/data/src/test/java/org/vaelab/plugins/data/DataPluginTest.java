package org.vaelab.plugins.data;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.mnist.MnistDatasetFactory;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.VaePlugin;
import org.vaelab.spi.data.Dataset;

/** {@link DataPlugin} is discovered as a service and registers {@code mnist}. */
class DataPluginTest {

    @Test
    void registersMnistWhenDiscovered() {
        VaePlugin plugin = ServiceLoader.load(VaePlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(DataPlugin.class::isInstance)
                .findFirst().orElseThrow();
        Map<String, ComponentFactory<?, Dataset>> datasets = Guice.createInjector(plugin)
                .getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, Dataset>>>() { }));
        assertInstanceOf(MnistDatasetFactory.class, datasets.get("mnist"));
        assertTrue(datasets.get("mnist").description().contains("Fashion-MNIST"));
    }
}
