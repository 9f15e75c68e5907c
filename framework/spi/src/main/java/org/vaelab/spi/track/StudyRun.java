package org.vaelab.spi.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A study's parent run in one tracker, opened by {@link Tracker#openStudy}. Unlike a run's
 * tracker, its calls block: they happen between trials, never during training.
 */
public interface StudyRun {

    /** Tags each trial run of the study carries in this tracker, such as MLflow's {@code mlflow.parentRunId}. */
    Map<String, String> childTags();

    /** Every trial run this tracker recorded for the study, whatever its status. */
    List<TrialRecord> trials() throws IOException;

    /** Keeps a file of the study folder (plan, summary, plots) with the parent run. */
    void logArtifact(Path file, String artifactPath) throws IOException;

    /** The study is over: every trial finished ({@code FINISHED}) or some did not ({@code FAILED}). */
    void end(RunStatus status) throws IOException;
}
