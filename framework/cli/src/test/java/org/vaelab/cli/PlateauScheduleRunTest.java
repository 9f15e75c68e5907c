package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train.lr_schedule: {type: reduce_on_plateau}} end to end, on a run whose validation ELBO
 * stalls: at a learning rate of 1e-6 it moves far less than the 20 nats the schedule asks for, so
 * with patience 1 the rate halves after epochs 3 and 5. Until the first reduction the run trains
 * exactly as one without the schedule; after it, not; and stopped after epoch 3 and resumed, it
 * ends with the same {@code metrics.csv} as a run never stopped.
 */
class PlateauScheduleRunTest {

    private static final String SPEC = """
            name: plateau
            seed: 4
            data: {type: swiss_roll, n: 600, validation: 0.2, test: 0.2, standardize: true}
            model:
              latent_dim: 2
              encoder: {type: mlp, hidden: [16]}
              decoder: {type: mlp, hidden: [16]}
            likelihood: {type: gaussian, sigma: fixed, sigma_value: 0.5}
            optimizer: {type: adam, lr: 1.0e-6}
            train: {epochs: 5, batch_size: 60}
            eval: {iwae_samples: 5, iwae_examples: 20}
            """;

    private static final String PLATEAU = "train.lr_schedule={type: reduce_on_plateau, factor: 0.5, patience: 1,"
            + " threshold: 20, threshold_mode: abs}";

    @TempDir
    Path work;

    @Test
    void aStalledRunHalvesItsRateAfterPatienceAndResumesToTheSameMetrics() throws IOException {
        Path spec = TestSpecs.write(work, "plateau.yaml", SPEC);
        List<String> scheduled = metrics(run(spec, "scheduled", "--set", PLATEAU));
        List<String> lr = scheduled.stream().filter(row -> row.contains(",train/lr,"))
                .map(row -> row.substring(row.indexOf(',') + 1)).toList();
        assertEquals(List.of("1,train/lr,1.0E-6", "2,train/lr,1.0E-6", "3,train/lr,5.0E-7", "4,train/lr,5.0E-7",
                "5,train/lr,2.5E-7"), lr, "the rate for the next epoch, logged at each evaluation");

        List<String> constant = metrics(run(spec, "constant"));
        List<String> scheduledUnlogged = scheduled.stream().filter(row -> !row.contains(",train/lr,")).toList();
        assertEquals(rowsUpToEpoch(constant, 3), rowsUpToEpoch(scheduledUnlogged, 3), "scale 1 changes no bit");
        assertNotEquals(constant, scheduledUnlogged, "epochs 4 and 5 train at half the rate");

        Path paused = run(spec, "resumed", "--set", PLATEAU, "--until-epoch", "3");
        CommandLineRunner.Outcome resumed = CommandLineRunner.vae("run", spec.toString(), "--no-progress",
                "--resume", paused.toString(), "--set", PLATEAU);
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertEquals(scheduled, metrics(paused));
    }

    private Path run(Path spec, String folder, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--no-progress", "--runs-dir",
                work.resolve(folder).toString()));
        args.addAll(List.of(options));
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae(args.toArray(String[]::new));
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        try (Stream<Path> runs = Files.list(work.resolve(folder).resolve("plateau"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    private static List<String> metrics(Path run) throws IOException {
        return Files.readAllLines(run.resolve("metrics.csv"));
    }

    private static List<String> rowsUpToEpoch(List<String> rows, int epoch) {
        return rows.stream().skip(1).filter(row -> Integer.parseInt(row.split(",")[1]) <= epoch).toList();
    }
}
