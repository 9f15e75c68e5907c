package org.vaelab.spi.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Records one run. Calls arrive in order: {@link #start}, then any number of
 * {@link #logMetrics} and {@link #logArtifact}, then {@link #end} exactly once.
 * A tracker never touches the model.
 */
public interface Tracker {

    /** The run begins. */
    void start(RunInfo run) throws IOException;

    /** Metrics measured at one global step, slash-named ({@code train/loss}, {@code test/elbo}). */
    void logMetrics(Map<String, Double> metrics, long step, int epoch) throws IOException;

    /** A file of the run directory, to keep under {@code artifactPath}. */
    void logArtifact(Path file, String artifactPath) throws IOException;

    /** The run is over. */
    void end(RunStatus status) throws IOException;
}
