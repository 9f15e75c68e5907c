package org.vaelab.spi.track;

import java.util.List;

/**
 * The identity of a run's data, as MLflow's dataset inputs record it.
 *
 * @param name the data's common name, such as {@code fashion-mnist} ({@link org.vaelab.spi.data.Dataset#name})
 * @param digest a hash of every loaded value and label (the first 16 hex digits of a SHA-256)
 * @param source where the data came from, as JSON (the spec's data block)
 * @param splits the training, validation and test splits, those that hold examples; empty in a
 *     journal written before SPI 2.2, whose data is then one input
 */
public record DatasetInfo(String name, String digest, String source, List<DatasetSplit> splits) {

    public DatasetInfo {
        splits = List.copyOf(splits);
    }

    /** Data known as a whole, without its splits. */
    public DatasetInfo(String name, String digest, String source) {
        this(name, digest, source, List.of());
    }
}
