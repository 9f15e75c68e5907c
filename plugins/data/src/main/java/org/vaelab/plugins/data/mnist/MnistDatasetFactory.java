package org.vaelab.plugins.data.mnist;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.data.Dataset;

/**
 * Registers the {@code mnist} dataset: MNIST digits or Fashion-MNIST in the IDX format of
 * http://yann.lecun.com/exdb/mnist/, gzipped or not, optionally downloaded into a cache.
 */
public final class MnistDatasetFactory implements ComponentFactory<MnistConfig, Dataset> {

    @Override
    public Class<MnistConfig> configType() {
        return MnistConfig.class;
    }

    @Override
    public Dataset create(MnistConfig config) {
        return new MnistDataset(config, DownloadPolicy.DEFAULT);
    }

    @Override
    public String description() {
        return "MNIST or Fashion-MNIST from IDX files (gzipped or not), downloaded and checked on request";
    }
}
