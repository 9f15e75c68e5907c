package org.vaelab.plugins.mlflow;

import java.nio.file.Path;
import java.util.Map;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;

/** What the tracker queues for its sender, in the order the run produced it. */
sealed interface TrackerEvent {

    /** The run began. */
    record Start(RunInfo run) implements TrackerEvent {
    }

    /** Metric values at one step. */
    record Metrics(Map<String, Double> values, long step, long timestampMillis) implements TrackerEvent {
    }

    /** A file to upload. */
    record Artifact(Path file, String artifactPath) implements TrackerEvent {
    }

    /** The run ended. */
    record End(RunStatus status, long timestampMillis) implements TrackerEvent {
    }
}
