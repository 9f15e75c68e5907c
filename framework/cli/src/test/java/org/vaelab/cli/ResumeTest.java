package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL after its second epoch of four and resumed with {@code --resume}
 * ends with a {@code metrics.csv} byte for byte that of a run never interrupted (its encoder has
 * dropout, whose masks must come out the same too), and resuming a
 * finished run or with another spec is refused before anything changes.
 */
class ResumeTest {

    private static final String SPEC = TestSpecs.SMALL_FASHION.replace("name: slice", "name: resumed")
            .replace("epochs: 2", "epochs: 4, log_every_steps: 10")
            .replace("encoder: {type: mlp, hidden: [400]}", "encoder: {type: mlp, hidden: [400], dropout: 0.2}")
            + "eval: {iwae_samples: 0}\n";

    @TempDir
    static Path work;

    private static Path specFile;
    private static Path uninterrupted;

    @BeforeAll
    static void runOnceWithoutInterruption() throws IOException {
        specFile = TestSpecs.write(work, "resumed.yaml", SPEC);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", specFile.toString(), "--runs-dir",
                work.resolve("whole").toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        uninterrupted = onlyRun(work.resolve("whole/resumed"));
    }

    @Test
    void aRunKilledAfterItsSecondEpochAndResumedLogsExactlyWhatAnUninterruptedRunLogs() throws Exception {
        Path log = work.resolve("killed.log");
        Process vae = CommandLineRunner.process(log, List.of(), "run", specFile.toString(),
                "--runs-dir", work.resolve("killed").toString()).start();
        Path run = RunProgress.awaitEpoch(work.resolve("killed/resumed"), 3, vae, log);
        vae.destroyForcibly();
        assertTrue(vae.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, vae.exitValue(), "killed by SIGKILL:\n" + Files.readString(log));
        assertEquals("RUNNING", status(run), "a SIGKILLed run has no chance to say so");
        assertTrue(Files.exists(run.resolve("checkpoints/last.ckpt")));

        CommandLineRunner.Outcome resumed = CommandLineRunner.vae("run", specFile.toString(), "--resume",
                run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().matches("(?s).*resuming after epoch [23] \\(step \\d+\\).*"), resumed.out());
        assertEquals("FINISHED", status(run));
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve("metrics.csv")),
                Files.readAllBytes(run.resolve("metrics.csv")),
                "metrics.csv of the resumed run equals the uninterrupted run's");
        assertTrue(Files.exists(run.resolve("checkpoints/best.ckpt")));
        assertEquals(4, epochsIn(run.resolve("timing.csv")), "timing.csv has a row of every epoch, once");
    }

    @Test
    void resumingAFinishedRunIsRefused() throws IOException {
        byte[] before = Files.readAllBytes(uninterrupted.resolve("metrics.csv"));
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", specFile.toString(), "--resume",
                uninterrupted.toString());
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("the run has already finished"), outcome.err());
        assertArrayEquals(before, Files.readAllBytes(uninterrupted.resolve("metrics.csv")));
    }

    @Test
    void resumingWithAnotherSpecIsRefused() {
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", specFile.toString(), "--set", "kl.beta=2",
                "--resume", uninterrupted.toString());
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("the run was made from another spec"), outcome.err());
    }

    private static String status(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("status").asText();
    }

    private static long epochsIn(Path timing) throws IOException {
        return Files.readAllLines(timing).stream().filter(line -> line.contains("time/epoch_seconds")).count();
    }

    private static Path onlyRun(Path experiment) throws IOException {
        try (Stream<Path> runs = Files.list(experiment)) {
            List<Path> found = runs.toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

}
