package org.vaelab.spi.data;

import java.util.Objects;

/**
 * The three splits of a dataset, their common shape, and the transform applied to each
 * training batch. {@link DataShape#range()} describes the values the model sees: with dynamic
 * binarisation the training split holds grey levels and is {@code BINARY} only after
 * {@code trainTransform}.
 */
public record DataSplits(DataSplit train, DataSplit validation, DataSplit test, DataShape shape,
                         BatchTransform trainTransform) {

    public DataSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(trainTransform, "trainTransform");
        for (DataSplit split : new DataSplit[] {train, validation, test}) {
            if (split.width() != shape.size()) {
                throw new IllegalArgumentException("split width " + split.width() + " != shape size " + shape.size());
            }
        }
    }
}
