package org.vaelab.plugins.data.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.vaelab.plugins.data.factors.FactorColumns;
import org.vaelab.plugins.data.heldout.HeldOutSplits;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;

/**
 * Named datasets of an HDF5 file, read with jHDF ({@link Hdf5Reader}): the examples of
 * {@code features} (uint8 levels kept as bytes, floats as floats), shuffled with the seed
 * ({@link HeldOutSplits}), give {@code validation} examples to the validation split and either
 * {@code test} more or every example of {@code test_features}, in order, to the test split; the
 * optional labels dataset gives classes 0 to the largest label.
 */
public final class Hdf5Dataset implements Dataset {

    private final Hdf5Config config;

    public Hdf5Dataset(Hdf5Config config) {
        this.config = config;
    }

    @Override
    public DataSplits load(LoadContext context) throws IOException {
        Path file = context.baseDirectory().resolve(config.path()).normalize();
        try (Hdf5Reader reader = new Hdf5Reader(file)) {
            ExampleArray pool = reader.examples(config.features());
            int[] labels = config.labels() == null ? null : reader.labels(config.labels(), pool.count());
            HeldOutSplits parts = HeldOutSplits.draw(pool.count(), config.validation().of(pool.count()),
                    config.heldOutTest(pool.count()), context.seed(), file + ": dataset " + config.features());
            DataSplit test;
            int[] testLabels = null;
            ValueRange range = pool.range();
            if (config.testFeatures() == null) {
                test = pool.rows(parts.test(), labels);
            } else {
                ExampleArray testPool = reader.examples(config.testFeatures());
                if (!testPool.dims().equals(pool.dims())) {
                    throw new InvalidInputException(file + ": test examples " + config.testFeatures() + " have shape "
                            + testPool.dims() + " but examples " + config.features() + " have " + pool.dims());
                }
                testLabels = config.testLabels() == null ? null : reader.labels(config.testLabels(), testPool.count());
                test = testPool.rows(IntStream.range(0, testPool.count()).toArray(), testLabels);
                range = widest(range, testPool.range());
            }
            int classes = labels == null ? 0 : 1 + Math.max(max(labels), max(testLabels));
            FactorColumns factors = config.factors() == null ? null : FactorColumns.of(
                    reader.table(config.factors(), pool.count(), "factors"), pool.count(), config.factorNames(),
                    file + ": dataset " + config.factors() + " (data.factors)");
            return new DataSplits(withFactors(pool.rows(parts.train(), labels), factors, parts.train()),
                    withFactors(pool.rows(parts.validation(), labels), factors, parts.validation()),
                    withFactors(test, factors, parts.test()), new DataShape(pool.dims(), range, classes),
                    BatchTransform.IDENTITY);
        }
    }

    /** {@code split}, the examples {@code indices}, with their factors when there are any. */
    private static DataSplit withFactors(DataSplit split, FactorColumns factors, int[] indices) {
        return factors == null ? split : split.withFactors(factors.rows(indices, 0, indices.length));
    }

    private static ValueRange widest(ValueRange a, ValueRange b) {
        return a.within(b) ? b : a;
    }

    private static int max(int[] labels) {
        return labels == null ? 0 : Arrays.stream(labels).max().orElse(0);
    }
}
