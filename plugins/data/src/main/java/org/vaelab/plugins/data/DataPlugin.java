package org.vaelab.plugins.data;

import com.google.inject.AbstractModule;
import org.vaelab.plugins.data.mnist.MnistDatasetFactory;
import org.vaelab.spi.Registries;
import org.vaelab.spi.VaePlugin;

/** The built-in datasets. */
public final class DataPlugin extends AbstractModule implements VaePlugin {

    @Override
    protected void configure() {
        Registries.datasets(binder()).addBinding("mnist").to(MnistDatasetFactory.class);
    }
}
