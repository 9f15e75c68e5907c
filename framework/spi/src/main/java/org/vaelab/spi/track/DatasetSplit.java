package org.vaelab.spi.track;

/**
 * One split of a run's data, as an MLflow dataset input with its context.
 *
 * @param context what the run uses it for, as MLflow names it: {@code training}, {@code validation}
 *     or {@code testing}
 * @param digest a hash of the split's values and labels (the first 16 hex digits of a SHA-256)
 * @param schema the split's columns as JSON, in MLflow's tensor-spec form
 * @param profile the split's size as JSON: examples, values per example, shape, bytes
 */
public record DatasetSplit(String context, String digest, String schema, String profile) {
}
