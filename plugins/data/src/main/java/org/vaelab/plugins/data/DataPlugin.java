package org.vaelab.plugins.data;

import com.google.inject.AbstractModule;
import org.vaelab.plugins.data.csv.CsvDatasetFactory;
import org.vaelab.plugins.data.mnist.MnistDatasetFactory;
import org.vaelab.plugins.data.swissroll.SwissRollDatasetFactory;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in datasets: {@code mnist}, {@code swiss_roll} and {@code csv}. */
public final class DataPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        Registries.datasets(binder()).addBinding("mnist").to(MnistDatasetFactory.class);
        Registries.datasets(binder()).addBinding("swiss_roll").to(SwissRollDatasetFactory.class);
        Registries.datasets(binder()).addBinding("csv").to(CsvDatasetFactory.class);
    }
}
