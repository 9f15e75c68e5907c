package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.Tracker;

/**
 * The tracker every run has: metrics go to the run directory's {@code metrics.csv}; artifacts are
 * already files of the run directory.
 */
final class LocalRunTracker implements Tracker {

    private final RunDirectory directory;
    private MetricsCsv metrics;

    LocalRunTracker(RunDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void start(RunInfo run) throws IOException {
        metrics = new MetricsCsv(directory.file(MetricsCsv.FILE));
    }

    @Override
    public void logMetrics(Map<String, Double> values, long step, int epoch) throws IOException {
        metrics.append(values, step, epoch);
    }

    @Override
    public void logArtifact(Path file, String artifactPath) {
        // the file is already in the run directory
    }

    @Override
    public void end(RunStatus status) throws IOException {
        if (metrics != null) {
            metrics.close();
        }
    }
}
