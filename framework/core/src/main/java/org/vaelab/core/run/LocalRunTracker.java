package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.Tracker;

/**
 * The tracker every run has, and the first to hear each event: it appends the event to the run
 * directory's {@code journal.jsonl}, and metrics also to {@code metrics.csv}. Artifacts are
 * already files of the run directory.
 */
final class LocalRunTracker implements Tracker {

    private final RunDirectory directory;
    private Journal journal;
    private MetricsCsv metrics;

    LocalRunTracker(RunDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void start(RunInfo run) throws IOException {
        journal = new Journal(directory.root());
        metrics = new MetricsCsv(directory.file(MetricsCsv.FILE));
        journal.start(run);
    }

    @Override
    public void logMetrics(Map<String, Double> values, long step, int epoch, long timestampMillis) throws IOException {
        journal.metrics(values, step, epoch, timestampMillis);
        metrics.append(values, step, epoch);
    }

    @Override
    public void logArtifact(Path file, String artifactPath) throws IOException {
        journal.artifact(file, artifactPath);
    }

    @Override
    public void end(RunStatus status) throws IOException {
        journal.end(status, System.currentTimeMillis());
        journal.close();
        metrics.close();
    }
}
