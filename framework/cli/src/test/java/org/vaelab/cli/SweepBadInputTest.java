package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vae sweep} with a bad study or bad options: exit code 2, every problem located in the
 * study file, and nothing written: no runs folder, no study folder, no MLflow run.
 */
class SweepBadInputTest {

    @TempDir
    Path work;

    private Path runs;

    @BeforeEach
    void writeBase() throws IOException {
        TestSpecs.write(work, "base.yaml", TestSpecs.TINY_FASHION);
        runs = work.resolve("runs");
    }

    @Test
    void aMistypedSweptKeyIsNamedWithItsPlaceAndASuggestion() throws IOException {
        Path study = TestSpecs.write(work, "typo.yaml", TestSpecs.BETA_LATENT_STUDY.replace("kl.beta", "kl.bta"));
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                runs.toString());
        assertEquals(2, outcome.exitCode(), outcome.out());
        assertEquals(study + ": 1 problem, nothing was run\n1) [study/UnknownKey] kl.bta (line 3, col 3): "
                + "the base spec " + work.resolve("base.yaml")
                + " has no key 'bta' in kl. Did you mean 'beta'? Known: beta, type\n", outcome.err());
        assertFalse(Files.exists(runs), "nothing is written");
    }

    @Test
    void aGridLargerThanMaxRunsIsRefusedBeforeAnyTrial() throws IOException {
        Path study = TestSpecs.write(work, "large.yaml",
                TestSpecs.BETA_LATENT_STUDY + "seeds: [1, 2, 3]\nmax_runs: 10\n");
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                runs.toString());
        assertEquals(2, outcome.exitCode(), outcome.out());
        assertTrue(outcome.err().contains("1) [study/TooManyRuns] max_runs (line 6, col 11): the study expands "
                + "to 12 trials, more than max_runs = 10"), outcome.err());
        CommandLineRunner.Outcome commandLine = CommandLineRunner.vae("sweep", work.resolve("base.yaml").toString(),
                "-p", "kl.beta=1,2,4", "-p", "model.latent_dim=[2],3", "--max-runs", "5", "--runs-dir",
                runs.toString());
        assertEquals(2, commandLine.exitCode(), commandLine.out());
        assertTrue(commandLine.err().contains("[study/TooManyRuns] max_runs (--max-runs 5): the study expands to 6"),
                commandLine.err());
        assertFalse(Files.exists(runs), "nothing is written");
    }

    @Test
    void aValueThatBreaksATrialIsReportedWhereTheStudyWroteIt() throws IOException {
        Path study = TestSpecs.write(work, "negative.yaml",
                TestSpecs.BETA_LATENT_STUDY.replace("[0.5, 2]", "[0.5, -2]"));
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                runs.toString());
        assertEquals(2, outcome.exitCode(), outcome.out());
        assertTrue(outcome.err().contains("1) [spec/BadValue] kl.beta (line 3, col 18): must be >= 0, found -2 "
                + "(trial t002-beta=-2-latent_dim=2-seed=7)"), outcome.err());
        assertFalse(Files.exists(runs), "nothing is written");
    }

    @Test
    void optionsThatDoNotFitTheStudyAreUsageErrors() throws IOException {
        Path study = TestSpecs.write(work, "study.yaml", TestSpecs.BETA_LATENT_STUDY);
        for (String[] options : new String[][] {{"--only", "4"}, {"--summarize", "--shard", "0/2"}, {"--shard", "2/2"},
            {"--parallel", "0"}, {"--shard-count", "3"}}) {
            String[] args = new String[options.length + 4];
            System.arraycopy(new String[] {"sweep", study.toString(), "--runs-dir", runs.toString()}, 0, args, 0, 4);
            System.arraycopy(options, 0, args, 4, options.length);
            CommandLineRunner.Outcome outcome = CommandLineRunner.vae(args);
            assertEquals(2, outcome.exitCode(), String.join(" ", options) + ": " + outcome.err());
            assertTrue(outcome.err().startsWith("error: "), outcome.err());
        }
        assertFalse(Files.exists(runs), "nothing is written");
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() throws IOException {
        Path study = TestSpecs.write(work, "study.yaml", TestSpecs.BETA_LATENT_STUDY);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("sweep", study.toString(), "--dry-run", "--shard",
                "1/3", "--runs-dir", runs.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("study study: 4 trials of " + work.resolve("base.yaml")), outcome.out());
        assertTrue(outcome.out().contains("  t003-beta=2-latent_dim=4-seed=7  spec "), outcome.out());
        assertTrue(outcome.out().contains("1 of 4 trials selected: 1\n"), outcome.out());
        assertFalse(Files.exists(runs), "nothing is written");
    }
}
