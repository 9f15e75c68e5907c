package org.vaelab.spi.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Shows the study's results with its parent run (summary metrics, the best trial, descriptions
     * of the study and of each trial run); called whenever the summary is written, so it must leave
     * a run that already shows these results as it was. Does nothing by default.
     */
    default void summarize(StudyResults results) throws IOException {
    }

    /**
     * Shows the trial runs of spec hash {@code specSha256} as pruned: stopped by the study at a rung,
     * not failed (MLflow: tag {@code vaelab.pruned=true}, run KILLED); {@link #trials} then reports
     * them {@link RunStatus#PRUNED}. Does nothing by default (since 2.3.0).
     */
    default void prune(String specSha256) throws IOException {
    }

    /** Where a person sees the parent run (a web address), if the tracker has one. */
    default Optional<String> link() {
        return Optional.empty();
    }

    /**
     * The study is over: every trial finished ({@code FINISHED}) or some did not ({@code FAILED}).
     * A parent run that already ended so, after its last trial run, is left as it was, so running
     * a finished study again changes nothing.
     */
    void end(RunStatus status) throws IOException;
}
