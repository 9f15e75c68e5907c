package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vaelab.core.train.Checkpoint;

/**
 * The property behind {@code --resume}: a run SIGKILLed at any point after its first checkpoint
 * and resumed ends with a {@code metrics.csv} byte for byte that of a run never interrupted,
 * whether it was killed in an epoch, between the last epoch and the final evaluation, amid the
 * final evaluation or amid the pictures. Each run is held before it writes its end into
 * {@code provenance.json} (a named pipe where it writes the file), so it cannot finish first.
 */
class ResumeAnywhereTest {

    private static final String SPEC = """
            name: anywhere
            seed: 11
            data: {type: mnist, variant: fashion, train_limit: 600, validation: 100, test_limit: 200}
            model:
              latent_dim: 3
              encoder: {type: mlp, hidden: [32], dropout: 0.2}
              decoder: {type: mlp, hidden: [32]}
            likelihood: {type: bernoulli}
            train: {epochs: 3, batch_size: 50, log_every_steps: 3}
            eval: {iwae_samples: 4, iwae_examples: 50}
            """;
    private static final String FIRST_PICTURE = "images/reconstructions.png";

    /** Where a run is killed: what shows it has got far enough, and files it is held before besides its end. */
    enum KillPoint {
        IN_THE_SECOND_EPOCH(run -> hasRow(run, ",2,train/")),
        AFTER_THE_LAST_CHECKPOINT(run -> Files.exists(run.resolve("checkpoints/last.ckpt"))
                && Checkpoint.epochOf(run.resolve("checkpoints/last.ckpt")) == 3, "checkpoints/final.fb"),
        AFTER_THE_FINAL_MODEL(run -> Files.exists(run.resolve("checkpoints/final.fb"))),
        AFTER_THE_FINAL_TEST_METRICS(run -> hasRow(run, ",3,test/iwae_ll,")),
        AMID_THE_PICTURES(run -> Files.exists(run.resolve(FIRST_PICTURE)));

        private final Reached reached;
        private final List<String> heldBefore;

        KillPoint(Reached reached, String... heldBefore) {
            this.reached = reached;
            this.heldBefore = List.of(heldBefore);
        }
    }

    /** What a run directory shows once its run has got to a kill point. */
    @FunctionalInterface
    interface Reached {
        boolean in(Path run) throws IOException;
    }

    @TempDir
    static Path work;

    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    private static Path specFile;
    private static byte[] uninterrupted;

    @BeforeAll
    static void runOnceWithoutInterruption() throws IOException, InterruptedException {
        specFile = TestSpecs.write(work, "anywhere.yaml", SPEC);
        Path runs = work.resolve("whole");
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", specFile.toString(), "--runs-dir",
                runs.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        uninterrupted = Files.readAllBytes(onlyRun(runs.resolve("anywhere")).resolve("metrics.csv"));
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aRunKilledAnywhereAndResumedLogsExactlyWhatAnUninterruptedRunLogs(KillPoint point) throws Exception {
        Path runs = work.resolve(point.name());
        Path log = work.resolve(point.name() + ".log");
        Process vae = CommandLineRunner.process(log, List.of(), "run", specFile.toString(), "--runs-dir",
                runs.toString()).start();
        started.add(vae);
        Path run = RunProgress.awaitEpoch(runs.resolve("anywhere"), 1, vae, log);
        List<Path> holds = new ArrayList<>(List.of(RunProgress.holdBefore(run, "provenance.json")));
        for (String file : point.heldBefore) {
            holds.add(RunProgress.holdBefore(run, file));
        }
        RunProgress.await(vae, log, point.name(), () -> point.reached.in(run));
        RunProgress.kill(vae);
        for (Path hold : holds) {
            Files.delete(hold);
        }

        CommandLineRunner.Outcome resumed = CommandLineRunner.vae("run", specFile.toString(), "--resume",
                run.toString());
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertEquals("FINISHED", new ObjectMapper().readTree(run.resolve("provenance.json").toFile())
                .path("status").asText());
        assertArrayEquals(uninterrupted, Files.readAllBytes(run.resolve("metrics.csv")),
                "metrics.csv of the run killed " + point + " and resumed equals the uninterrupted run's");
    }

    private static boolean hasRow(Path run, String part) throws IOException {
        Path metrics = run.resolve("metrics.csv");
        return Files.exists(metrics) && Files.readString(metrics).contains(part);
    }

    private static Path onlyRun(Path experiment) throws IOException {
        try (var runs = Files.list(experiment)) {
            List<Path> found = runs.toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }
}
