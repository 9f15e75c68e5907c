package org.vaelab.spi.track;

import java.util.Map;

/**
 * One trial run of a study as a tracker recorded it.
 *
 * @param specSha256 the SHA-256 of the trial's resolved spec (tag {@code vaelab.spec_sha256}),
 *     which matches the run to its trial
 * @param status how the run ended, or RUNNING
 * @param metrics the last value of every metric ({@code test/elbo}, {@code test/iwae_ll}, ...)
 * @param wallSeconds the run's wall time from start to end, or NaN while it runs
 */
public record TrialRecord(String specSha256, RunStatus status, Map<String, Double> metrics, double wallSeconds) {

    public TrialRecord {
        metrics = Map.copyOf(metrics);
    }
}
