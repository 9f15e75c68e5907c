package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrainedModel;
import org.vaelab.spi.track.Tracker;

/**
 * The tracker every run has, and the first to hear each event: it appends the event to the run
 * directory's {@code journal.jsonl}, and metrics also to {@code metrics.csv}, wall-clock ones
 * ({@code time/...}) to {@code timing.csv} instead. A resumed run appends to all three. Artifacts,
 * images and the model's files are already files of the run directory.
 */
final class LocalRunTracker implements Tracker {

    private final RunDirectory directory;
    private Journal journal;
    private static final String WALL_CLOCK_PREFIX = "time/";

    private MetricsCsv metrics;
    private MetricsCsv timing;

    LocalRunTracker(RunDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void start(RunInfo run) throws IOException {
        journal = new Journal(directory.root());
        metrics = new MetricsCsv(directory.file(RunDirectory.METRICS));
        timing = new MetricsCsv(directory.file(RunDirectory.TIMING));
        journal.start(run);
    }

    @Override
    public void logMetrics(Map<String, Double> values, long step, int epoch, long timestampMillis) throws IOException {
        journal.metrics(values, step, epoch, timestampMillis);
        Map<String, Double> model = new LinkedHashMap<>();
        Map<String, Double> wallClock = new LinkedHashMap<>();
        values.forEach((name, value) -> (name.startsWith(WALL_CLOCK_PREFIX) ? wallClock : model).put(name, value));
        metrics.append(model, step, epoch);
        timing.append(wallClock, step, epoch);
    }

    @Override
    public void logArtifact(Path file, String artifactPath) throws IOException {
        journal.artifact(file, artifactPath);
    }

    @Override
    public void logImage(Path file, String key, long step, long timestampMillis) throws IOException {
        journal.image(file, key, step, timestampMillis);
    }

    @Override
    public void logModel(TrainedModel model) throws IOException {
        journal.model(model);
    }

    @Override
    public void end(RunStatus status) throws IOException {
        journal.end(status, System.currentTimeMillis());
        journal.close();
        metrics.close();
        timing.close();
    }
}
