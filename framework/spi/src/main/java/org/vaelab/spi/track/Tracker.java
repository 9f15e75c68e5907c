package org.vaelab.spi.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Records one run. Calls arrive in order: {@link #start}, then any number of
 * {@link #logMetrics}, {@link #logArtifact} and {@link #logImage}, at most one {@link #logModel}, then
 * {@link #end} exactly once, all on one thread
 * except that {@code end} may come from a shutdown hook. A tracker never touches the model, must
 * not block training (a remote tracker queues and sends in the background), and must not throw
 * for a remote failure: the local run directory already holds every event.
 */
public interface Tracker {

    /** The run begins. */
    void start(RunInfo run) throws IOException;

    /**
     * Metrics measured at one global step, slash-named ({@code train/loss}, {@code test/elbo}).
     * The timestamp is the same for every tracker and for a later replay of the run's journal.
     */
    void logMetrics(Map<String, Double> metrics, long step, int epoch, long timestampMillis) throws IOException;

    /** A file of the run directory, to keep under {@code artifactPath}. */
    void logArtifact(Path file, String artifactPath) throws IOException;

    /**
     * A picture of the training at one global step, a file of the run directory, one of a series
     * named {@code key} ({@code reconstructions}, {@code samples}) that a viewer can step through.
     * Called between {@link #start} and {@link #end}; nothing by default (the file is already in
     * the run directory).
     */
    default void logImage(Path file, String key, long step, long timestampMillis) throws IOException {
    }

    /**
     * The trained model of a run that finishes, once, after its final metrics and before {@link #end}:
     * a tracker with a model store keeps it with those metrics; nothing by default.
     */
    default void logModel(TrainedModel model) throws IOException {
    }

    /** The run is over; a remote tracker sends what it still holds, within its own deadline. */
    void end(RunStatus status) throws IOException;

    /**
     * What of this run reached the tracker's destination, asked once {@link #end} has returned;
     * empty for a tracker that records everything itself, as a local one does.
     */
    default Optional<Delivery> delivery() {
        return Optional.empty();
    }

    /**
     * Where a person sees this run (a web address), once the tracker knows it: asked after
     * {@link #start} and after {@link #end}; empty for a tracker without one, or while the run is
     * still being created remotely.
     */
    default Optional<String> link() {
        return Optional.empty();
    }

    /**
     * Finds the parent run of {@code study} (by its hash) or creates it, so trial runs can be
     * recorded as its children; empty for a tracker without parent runs. Called outside any run.
     */
    default Optional<StudyRun> openStudy(StudyInfo study) throws IOException {
        return Optional.empty();
    }
}
