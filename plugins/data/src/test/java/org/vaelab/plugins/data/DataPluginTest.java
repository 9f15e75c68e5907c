package org.vaelab.plugins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.csv.CsvDatasetFactory;
import org.vaelab.plugins.data.mnist.MnistDatasetFactory;
import org.vaelab.plugins.data.swissroll.SwissRollDatasetFactory;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.VaePlugin;
import org.vaelab.spi.data.Dataset;

/** {@link DataPlugin} is discovered as a service and registers {@code mnist}, {@code swiss_roll} and {@code csv}. */
class DataPluginTest {

    @Test
    void registersTheDatasetsWhenDiscovered() {
        VaePlugin plugin = ServiceLoader.load(VaePlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(DataPlugin.class::isInstance)
                .findFirst().orElseThrow();
        Map<String, ComponentFactory<?, Dataset>> datasets = Guice.createInjector(plugin)
                .getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, Dataset>>>() { }));
        assertInstanceOf(MnistDatasetFactory.class, datasets.get("mnist"));
        assertTrue(datasets.get("mnist").description().contains("Fashion-MNIST"));
        assertInstanceOf(SwissRollDatasetFactory.class, datasets.get("swiss_roll"));
        assertInstanceOf(CsvDatasetFactory.class, datasets.get("csv"));
        assertEquals(3, datasets.size());
    }
}
