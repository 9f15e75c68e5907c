package org.vaelab.plugins.data.csv;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.data.Dataset;

/**
 * Registers the {@code csv} dataset: numeric columns of a CSV file (RFC 4180, "Common Format and
 * MIME Type for Comma-Separated Values Files", read with Apache Commons CSV), with an optional
 * class-label column.
 */
public final class CsvDatasetFactory implements ComponentFactory<CsvConfig, Dataset> {

    @Override
    public Class<CsvConfig> configType() {
        return CsvConfig.class;
    }

    @Override
    public Dataset create(CsvConfig config) {
        return new CsvDataset(config);
    }

    @Override
    public String description() {
        return "Numeric columns of a CSV file, optionally with a class-label column; shuffled, split and scaled "
                + "with statistics of the training split";
    }
}
