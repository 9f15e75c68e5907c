package org.vaelab.spi.data;

import java.util.List;

/**
 * The shape of one example and what its values are.
 *
 * @param dims the dimensions of one example: {@code [channels, height, width]} for images,
 *     {@code [features]} for tables
 * @param range the values the features take
 * @param classes the number of label classes, 0 when the data has no labels
 */
public record DataShape(List<Integer> dims, ValueRange range, int classes) {

    public DataShape {
        dims = List.copyOf(dims);
        if (dims.isEmpty() || dims.stream().anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("dims must be positive, got " + dims);
        }
    }

    /** An image shape of {@code channels x height x width}. */
    public static DataShape image(int channels, int height, int width, ValueRange range, int classes) {
        return new DataShape(List.of(channels, height, width), range, classes);
    }

    /** The number of values in one example. */
    public int size() {
        return dims.stream().reduce(1, Math::multiplyExact);
    }

    /** Whether examples are {@code channels x height x width} images. */
    public boolean isImage() {
        return dims.size() == 3;
    }
}
