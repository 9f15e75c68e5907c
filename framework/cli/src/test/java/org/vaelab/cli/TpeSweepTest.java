package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TPE search end to end, on a three-trial study (one random startup trial, then a round of two
 * proposed from its validation ELBO): run two trials at a time, and run one trial at a time after a stop
 * that left only the first trial done, it runs the same trials and ends with the same summary.csv,
 * byte for byte but for the wall-time column, the one column that is not reproducible.
 */
class TpeSweepTest {

    private static final String STUDY = """
            name: tpe-sweep
            base: base.yaml
            space:
              kl.beta: {uniform: [0.5, 2]}
              optimizer.lr: {log_uniform: [1.0e-3, 1.0e-2]}
            search: {type: tpe, trials: 3, seed: 3, startup_trials: 1, batch: 2}
            """;

    @TempDir
    Path work;

    @Test
    void parallelAndStoppedAndResumedSearchesRunTheSameTrialsAndEndWithTheSameSummary() throws IOException {
        TestSpecs.write(work, "base.yaml", TestSpecs.TINY_FASHION);
        String study = TestSpecs.write(work, "tpe.yaml", STUDY).toString();
        CommandLineRunner.Outcome dryRun = CommandLineRunner.vae("sweep", study, "--dry-run");
        assertTrue(dryRun.out().contains(": 3 trials of ") && dryRun.out().contains("1 of 1 trials selected: 0\n")
                && dryRun.out().contains("trials 1 to 2 are proposed by TPE as results arrive, 2 at a time"),
                dryRun.out());
        String parallelRuns = work.resolve("parallel").toString();
        CommandLineRunner.Outcome parallel = CommandLineRunner.vae("sweep", study, "--parallel", "2", "--runs-dir",
                parallelRuns);
        assertEquals(0, parallel.exitCode(), parallel.out() + parallel.err());
        assertTrue(parallel.out().contains("running 2, 2 at a time"), "the proposed round runs at once: "
                + parallel.out());
        String resumedRuns = work.resolve("resumed").toString();
        CommandLineRunner.Outcome first = CommandLineRunner.vae("sweep", study, "--only", "0", "--runs-dir",
                resumedRuns);
        assertEquals(0, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().contains("1 trials finished, 0 failed") && !first.out().contains("t001"),
                "the stopped search ran its first trial only: " + first.out());
        CommandLineRunner.Outcome resumed = CommandLineRunner.vae("sweep", study, "--runs-dir", resumedRuns);
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains("1 selected, 1 of them finished already"), resumed.out());
        assertEquals(Files.readString(studyFolder(parallelRuns).resolve("plan.csv")),
                Files.readString(studyFolder(resumedRuns).resolve("plan.csv")));
        List<String> rows = summaryRows(parallelRuns);
        assertEquals(4, rows.size(), "a header and three trials: " + rows);
        assertEquals(rows, summaryRows(resumedRuns));
        assertEquals(Files.readString(studyFolder(parallelRuns).resolve("best.yaml")),
                Files.readString(studyFolder(resumedRuns).resolve("best.yaml")).replace(resumedRuns, parallelRuns));
    }

    private static Path studyFolder(String runs) throws IOException {
        try (Stream<Path> folders = Files.list(Path.of(runs, "studies"))) {
            return folders.findFirst().orElseThrow();
        }
    }

    /** summary.csv's lines without the last column, wall time. */
    private static List<String> summaryRows(String runs) throws IOException {
        return Files.readAllLines(studyFolder(runs).resolve("summary.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }
}
