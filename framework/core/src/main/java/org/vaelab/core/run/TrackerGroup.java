package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vaelab.spi.track.Delivery;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrainedModel;
import org.vaelab.spi.track.Tracker;

/**
 * Sends every event to each tracker of a run in order, the local run directory first, stamping
 * metrics with one timestamp for all. Safe to call from the training thread and a shutdown hook at
 * once; events after {@link #end} are ignored, so a run ends exactly once.
 */
final class TrackerGroup {

    private final List<Tracker> trackers;
    private boolean ended;

    TrackerGroup(List<Tracker> trackers) {
        this.trackers = List.copyOf(trackers);
    }

    synchronized void start(RunInfo run) throws IOException {
        for (Tracker tracker : trackers) {
            tracker.start(run);
        }
    }

    synchronized void logMetrics(Map<String, Double> metrics, long step, int epoch) throws IOException {
        logMetrics(metrics, step, epoch, System.currentTimeMillis());
    }

    synchronized void logMetrics(Map<String, Double> metrics, long step, int epoch, long timestampMillis)
            throws IOException {
        if (ended) {
            return;
        }
        for (Tracker tracker : trackers) {
            tracker.logMetrics(metrics, step, epoch, timestampMillis);
        }
    }

    synchronized void logArtifact(Path file, String artifactPath) throws IOException {
        if (ended) {
            return;
        }
        for (Tracker tracker : trackers) {
            tracker.logArtifact(file, artifactPath);
        }
    }

    synchronized void logImage(Path file, String key, long step) throws IOException {
        logImage(file, key, step, System.currentTimeMillis());
    }

    synchronized void logImage(Path file, String key, long step, long timestampMillis) throws IOException {
        if (ended) {
            return;
        }
        for (Tracker tracker : trackers) {
            tracker.logImage(file, key, step, timestampMillis);
        }
    }

    synchronized void logModel(TrainedModel model) throws IOException {
        if (ended) {
            return;
        }
        for (Tracker tracker : trackers) {
            tracker.logModel(model);
        }
    }

    synchronized void end(RunStatus status) throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        IOException first = null;
        for (Tracker tracker : trackers) {
            try {
                tracker.end(status);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Where a person sees the run, for each tracker that has such an address and knows it yet. */
    synchronized List<String> links() {
        return trackers.stream().flatMap(tracker -> tracker.link().stream()).toList();
    }

    /** What each tracker with a destination of its own delivered; asked after {@link #end}. */
    synchronized List<Delivery> deliveries() {
        return trackers.stream().flatMap(tracker -> tracker.delivery().stream()).toList();
    }
}
