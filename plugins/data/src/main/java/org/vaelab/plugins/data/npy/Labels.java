package org.vaelab.plugins.data.npy;

import java.io.IOException;
import org.vaelab.spi.InvalidInputException;

/** Reads an array of class labels: one integer from 0 per example. */
final class Labels {

    /** The largest label taken: class indices, not arbitrary codes. */
    static final int MAX_LABEL = 65_535;

    private Labels() {
    }

    /**
     * The labels of the array {@code key} names in {@code file}: integers (or booleans) of shape
     * {@code [N]} or {@code [N, 1]}, one for each of the {@code examples.count()} examples, none negative.
     *
     * @param option the spec's key that named the array, for messages
     */
    static int[] read(ArrayFile file, String key, String option, Examples examples) throws IOException {
        return file.read(key, option, (header, in, source, available) -> {
            Examples.requireCOrder(header, source);
            if (header.type() == null || !header.type().isInteger()) {
                throw new InvalidInputException(source + " holds " + header.typeName() + " values; labels must be "
                        + "integers (int64, int32, uint8, ...)" + (header.type() != null && header.type().isFloat()
                        ? ": convert them with y.astype(numpy.int64)" : ""));
            }
            long[] shape = header.shape();
            if (!(shape.length == 1 || shape.length == 2 && shape[1] == 1)) {
                throw new InvalidInputException(source + " has shape " + header.describeShape() + "; labels must be "
                        + "one per example, shape (N,) or (N, 1)");
            }
            if (shape[0] != examples.count()) {
                throw new InvalidInputException(source + " holds " + shape[0] + " labels but " + examples.source()
                        + " holds " + examples.count() + " examples");
            }
            long[] values = NpyReader.integers(in, header, source, available);
            int[] labels = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0 || values[i] > MAX_LABEL) {
                    throw new InvalidInputException(source + ": label " + values[i] + " of example " + i
                            + " is not a class index from 0 to " + MAX_LABEL);
                }
                labels[i] = (int) values[i];
            }
            return labels;
        });
    }
}
