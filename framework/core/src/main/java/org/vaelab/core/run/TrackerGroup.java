package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.Tracker;

/**
 * Sends every event to each tracker of a run, the local run directory first. Safe to call from
 * the training thread and a shutdown hook at once; events after {@link #end} are ignored, so a run
 * ends exactly once.
 */
final class TrackerGroup implements Tracker {

    private final List<Tracker> trackers;
    private boolean ended;

    TrackerGroup(List<Tracker> trackers) {
        this.trackers = List.copyOf(trackers);
    }

    @Override
    public synchronized void start(RunInfo run) throws IOException {
        for (Tracker tracker : trackers) {
            tracker.start(run);
        }
    }

    @Override
    public synchronized void logMetrics(Map<String, Double> metrics, long step, int epoch) throws IOException {
        if (ended) {
            return;
        }
        for (Tracker tracker : trackers) {
            tracker.logMetrics(metrics, step, epoch);
        }
    }

    @Override
    public synchronized void logArtifact(Path file, String artifactPath) throws IOException {
        if (ended) {
            return;
        }
        for (Tracker tracker : trackers) {
            tracker.logArtifact(file, artifactPath);
        }
    }

    @Override
    public synchronized void end(RunStatus status) throws IOException {
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
}
