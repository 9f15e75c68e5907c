package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * Many tiny trials at once against a real MLflow server ({@link SweepLoad}): the sweep finishes
 * every trial, and every trial's record in MLflow is complete: each metric point of its journal,
 * each artifact and its final status, with no event left for {@code vae sync}. Time and memory
 * are measured, never asserted: {@code -Dvaelab.sweepLoad.report=FILE} writes them as a table
 * ({@code bench/sweep-load}), and {@code -Dvaelab.sweepLoad.trials=N} sets the load: 16 trials in
 * the suite (about a minute on 2 cores), 64 in the benchmark.
 */
class SweepLoadTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    @TempDir
    Path work;

    @Test
    void everyTrialOfALargeSweepReachesMlflowWhole() throws Exception {
        int trials = Integer.getInteger("vaelab.sweepLoad.trials", 16);
        SweepLoad.Outcome outcome = SweepLoad.run(work, MLFLOW.server().uri(), trials);

        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().contains(trials + " trials finished, 0 failed"), outcome.output());
        assertEquals(trials, outcome.records().size(), "a run directory per trial");
        for (SweepLoad.TrialRecord record : outcome.records()) {
            assertTrue(record.journalPoints() > 0, record.runDirectory() + " logged metrics");
            assertTrue(record.complete(), "MLflow lacks part of " + record);
        }
        assertEquals(0, outcome.missingPoints());
        assertEquals(List.of(), outcome.unsentWarnings(), "no trial left events for vae sync");

        String report = System.getProperty("vaelab.sweepLoad.report", "");
        if (!report.isEmpty()) {
            Files.writeString(Path.of(report), outcome.table());
        }
    }
}
