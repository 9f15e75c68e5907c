package org.vaelab.core.study;

import java.util.Optional;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrialRecord;

/**
 * A trial with the run that best records it: a finished one if any source has one, else the last
 * attempt, else none.
 *
 * @param trial the trial
 * @param record its run, if one was made
 */
public record TrialOutcome(Trial trial, Optional<TrialRecord> record) {

    /** FINISHED, PRUNED, FAILED, KILLED, RUNNING (a run cut off without a word), or NOT_RUN. */
    public String status() {
        return record.map(r -> r.status().name()).orElse("NOT_RUN");
    }

    /** Whether the trial has a finished run. */
    public boolean finished() {
        return record.filter(r -> r.status() == RunStatus.FINISHED).isPresent();
    }

    /** Whether the trial is done with: finished, or pruned by the study. */
    public boolean done() {
        return record.filter(r -> r.status() == RunStatus.FINISHED || r.status() == RunStatus.PRUNED).isPresent();
    }

    /** The last value of {@code metric}, or NaN. */
    public double metric(String metric) {
        return record.map(r -> r.metrics().getOrDefault(metric, Double.NaN)).orElse(Double.NaN);
    }
}
