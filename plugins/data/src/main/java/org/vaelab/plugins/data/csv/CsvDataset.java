package org.vaelab.plugins.data.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.vaelab.plugins.data.table.ScaledSplits;
import org.vaelab.plugins.data.table.SplitSizes;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;

/**
 * A table from a CSV file: its rows (the first {@code max_rows}, less those dropped for missing
 * values) are shuffled with the load seed and split by {@code validation_fraction} and
 * {@code test_fraction}; the scaling is fitted on the training split and applied to all three.
 */
public final class CsvDataset implements Dataset {

    private final CsvConfig config;

    CsvDataset(CsvConfig config) {
        this.config = config;
    }

    @Override
    public DataSplits load(LoadContext context) throws IOException {
        return read(context).splits();
    }

    /** Loads the splits together with the fitted scaling and the class names. */
    public CsvData read(LoadContext context) throws IOException {
        Path file = context.baseDirectory().resolve(config.path()).normalize();
        CsvRows rows = CsvReader.read(file, config);
        SplitSizes sizes = SplitSizes.of(rows.count(), config.validationFraction(), config.testFraction());
        if (sizes.train() == 0) {
            throw new InvalidInputException(file + ": its " + rows.count() + " row(s) leave none to train on with "
                    + "validation_fraction " + config.validationFraction() + " and test_fraction "
                    + config.testFraction());
        }
        CsvRows shuffled = rows.shuffled(new SplittableRandom(context.seed()));
        ScaledSplits scaled = ScaledSplits.of(shuffled.columns(), shuffled.values(), shuffled.labels(),
                shuffled.classes().size(), sizes, config.scaling());
        return new CsvData(scaled.splits(), scaled.scaling(), shuffled.classes());
    }
}
