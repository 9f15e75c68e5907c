package org.vaelab.plugins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.binarized.BinarizedMnistConfig;
import org.vaelab.plugins.data.csv.CsvConfig;
import org.vaelab.plugins.data.hdf5.Hdf5Config;
import org.vaelab.plugins.data.images.ImagesConfig;
import org.vaelab.plugins.data.mnist.MnistConfig;
import org.vaelab.plugins.data.npy.NpyConfig;
import org.vaelab.plugins.data.sprites.SpritesConfig;
import org.vaelab.plugins.data.swissroll.SwissRollConfig;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.VaePlugin;
import org.vaelab.spi.data.Dataset;

/**
 * {@link DataPlugin} is discovered as a service and registers {@code mnist}, {@code binarized_mnist},
 * {@code npy}, {@code swiss_roll}, {@code csv}, {@code images}, {@code hdf5} and {@code sprites}.
 */
class DataPluginTest {

    @Test
    void registersTheDatasetsWhenDiscovered() {
        VaePlugin plugin = ServiceLoader.load(VaePlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(DataPlugin.class::isInstance)
                .findFirst().orElseThrow();
        Map<String, ComponentFactory<?, Dataset>> datasets = Guice.createInjector(plugin)
                .getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, Dataset>>>() { }));
        assertEquals(MnistConfig.class, datasets.get("mnist").configType());
        assertTrue(datasets.get("mnist").description().contains("Fashion-MNIST"));
        assertEquals(SwissRollConfig.class, datasets.get("swiss_roll").configType());
        assertEquals(CsvConfig.class, datasets.get("csv").configType());
        assertEquals(NpyConfig.class, datasets.get("npy").configType());
        assertEquals(BinarizedMnistConfig.class, datasets.get("binarized_mnist").configType());
        assertTrue(datasets.get("binarized_mnist").description().contains("Larochelle and Murray"));
        assertEquals(ImagesConfig.class, datasets.get("images").configType());
        assertEquals(Hdf5Config.class, datasets.get("hdf5").configType());
        assertEquals(SpritesConfig.class, datasets.get("sprites").configType());
        assertEquals(8, datasets.size());
    }
}
