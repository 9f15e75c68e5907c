package org.vaelab.plugins.mlflow;

import java.nio.file.Path;
import java.util.Map;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrainedModel;

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

    /** A picture of series {@code key} at a step. */
    record Image(Path file, String key, long step, long timestampMillis) implements TrackerEvent {
    }

    /** The trained model, to keep as a logged model. */
    record Model(TrainedModel model, long timestampMillis) implements TrackerEvent {
    }

    /** The run ended. */
    record End(RunStatus status, long timestampMillis) implements TrackerEvent {
    }
}
