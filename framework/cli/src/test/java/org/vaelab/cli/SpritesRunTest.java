package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on sprites logs the disentanglement metrics after training, {@code vae eval --disentanglement}
 * prints them again, and asking for them on data without factors, or on a test split too small to
 * split, is a usage error.
 */
class SpritesRunTest {

    private static final String SPRITES = """
            name: sprites-tiny
            seed: 3
            data: {type: sprites, n: 700, scale_stride: 2, orientation_stride: 4, test: 0.3}
            model:
              latent_dim: 3
              encoder: {type: mlp, hidden: [32]}
              decoder: {type: mlp, hidden: [32]}
            likelihood: {type: bernoulli}
            train: {epochs: 1, batch_size: 50}
            eval:
              iwae_samples: 0
              disentanglement_options: {train_points: 300, test_points: 100, variance_samples: 300, trees: 3}
            """;

    private static final List<String> METRICS = List.of("disent/beta_vae", "disent/factor_vae", "disent/mig",
            "disent/sap", "disent/dci_disentanglement", "disent/dci_completeness", "disent/dci_informativeness",
            "disent/gaussian_tc");

    @TempDir
    Path work;

    @Test
    void aSpritesRunLogsTheMetricsAndEvalPrintsThem() throws IOException {
        Path spec = Files.writeString(work.resolve("sprites.yaml"), SPRITES);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                work.resolve("runs").toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().matches("(?s).*\nKL per dimension, active units and disentanglement metrics: done in "
                + "\\d+\\.\\d s\n.*"), "the stretch that scores the codes says so: " + outcome.out());
        assertFalse(outcome.out().contains("importance-weighted"), "iwae_samples: 0 skips the estimate");
        Path run;
        try (Stream<Path> runs = Files.list(work.resolve("runs/sprites-tiny"))) {
            run = runs.findFirst().orElseThrow();
        }
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        for (String metric : METRICS) {
            String row = rows.stream().filter(line -> line.contains("," + metric + ",")).findFirst()
                    .orElseThrow(() -> new AssertionError(metric + " in " + rows));
            double value = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
            assertTrue(metric.equals("disent/gaussian_tc") ? value >= 0 : value >= 0 && value <= 1, row);
        }
        CommandLineRunner.Outcome evaluated = CommandLineRunner.vae("eval", run.toString(), "--disentanglement",
                "--iwae", "0");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        for (String metric : METRICS) {
            assertTrue(evaluated.out().contains(metric), evaluated.out());
        }
    }

    @Test
    void askingForTheMetricsOnDataWithoutFactorsIsAUsageError() {
        Path spec = Path.of(System.getProperty("vaelab.root", "../..")).resolve("configs/swiss-roll.yaml");
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                work.toString(), "--set", "data.n=500", "--set", "eval.disentanglement=true");
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("[spec/Mismatch] eval.disentanglement (--set eval.disentanglement=true): "
                + "data 'swiss_roll' has no ground-truth factors"), outcome.err());
    }

    @Test
    void aTestSplitOfOneImageCannotBeScored() throws IOException {
        Path spec = Files.writeString(work.resolve("sprites.yaml"), SPRITES);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                work.toString(), "--set", "data.n=60", "--set", "data.test=0.01");
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("needs at least 2 examples, found 1"), outcome.err());
    }
}
