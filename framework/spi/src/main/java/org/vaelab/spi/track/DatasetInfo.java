package org.vaelab.spi.track;

/**
 * The identity of a run's data, as MLflow's dataset inputs record it.
 *
 * @param name a readable name, such as {@code mnist/fashion}
 * @param digest a hash of every loaded value and label (the first 16 hex digits of a SHA-256)
 * @param source where the data came from, as JSON (the spec's data block)
 */
public record DatasetInfo(String name, String digest, String source) {
}
