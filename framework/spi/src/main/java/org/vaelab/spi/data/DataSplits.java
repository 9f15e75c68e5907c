package org.vaelab.spi.data;

import java.util.Map;
import java.util.Objects;

/**
 * The three splits of a dataset, their common shape, and the transform applied to each
 * training batch. {@link DataShape#range()} describes the values the model sees: with dynamic
 * binarisation the training split holds grey levels and is {@code BINARY} only after
 * {@code trainTransform}.
 *
 * <p>{@code fitted} holds what loading fitted to the data and a run must keep to use the model on
 * new data (a CSV table's per-column scaling, its class names), as small CSV texts by file name;
 * the run writes them under {@code data/} in its directory and gives them to its trackers.
 */
public record DataSplits(DataSplit train, DataSplit validation, DataSplit test, DataShape shape,
                         BatchTransform trainTransform, Map<String, String> fitted) {

    /** Splits with nothing fitted to save. */
    public DataSplits(DataSplit train, DataSplit validation, DataSplit test, DataShape shape,
            BatchTransform trainTransform) {
        this(train, validation, test, shape, trainTransform, Map.of());
    }

    public DataSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(trainTransform, "trainTransform");
        fitted = Map.copyOf(fitted);
        for (DataSplit split : new DataSplit[] {train, validation, test}) {
            if (split.width() != shape.size()) {
                throw new IllegalArgumentException("split width " + split.width() + " != shape size " + shape.size());
            }
        }
    }
}
