package org.vaelab.plugins.data.npy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.vaelab.plugins.data.factors.FactorColumns;
import org.vaelab.spi.InvalidInputException;

/** Reads the ground-truth factors of the examples: numbers of shape {@code [N, F]}, one row per example. */
final class FactorArray {

    private FactorArray() {
    }

    /**
     * The factors of the first {@code count} examples, from the array {@code key} names in {@code file}.
     *
     * @param option the spec's key that named the array, for messages
     * @param names the factors' names, or null
     */
    static FactorColumns read(ArrayFile file, String key, String option, Examples examples, int count,
                              List<String> names) throws IOException {
        return file.read(key, option, (header, in, source, available) -> {
            Examples.requireCOrder(header, source);
            if (header.type() == null) {
                throw new InvalidInputException(source + " holds " + header.typeName() + " values; factors must be "
                        + "numbers (integers or floats)");
            }
            long[] shape = header.shape();
            if (shape.length != 1 && shape.length != 2) {
                throw new InvalidInputException(source + " has shape " + header.describeShape() + "; factors must "
                        + "be one row of values per example, shape (N, F), or (N,) for one factor");
            }
            if (shape[0] != examples.count()) {
                throw new InvalidInputException(source + " holds factors of " + shape[0] + " examples but "
                        + examples.source() + " holds " + examples.count() + " examples");
            }
            double[] values = NpyReader.numbers(in, header, source, available);
            int columns = shape.length == 1 ? 1 : (int) shape[1];
            return FactorColumns.of(Arrays.copyOf(values, count * columns), count, names,
                    source + " (" + option + ")");
        });
    }
}
