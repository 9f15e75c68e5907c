package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.train.Checkpoint;

/**
 * {@code train.early_stopping} end to end, on a run whose validation ELBO is made to stall: a cosine
 * schedule down to a learning rate of 0 after the first step freezes the weights, so from epoch 1 on
 * the validation ELBO moves only by the noise of its Monte Carlo estimate, far less than the 20 nats
 * of {@code min_delta}.
 */
class EarlyStoppingRunTest {

    private static final String SPEC = """
            name: stall
            seed: 4
            data: {type: swiss_roll, n: 600, validation: 0.2, test: 0.2, standardize: true}
            model:
              latent_dim: 2
              encoder: {type: mlp, hidden: [16]}
              decoder: {type: mlp, hidden: [16]}
            likelihood: {type: gaussian, sigma: fixed, sigma_value: 0.5}
            optimizer: {type: adam, lr: 1.0e-2, schedule: {kind: cosine, total_steps: 1}}
            train: {epochs: 10, batch_size: 60, early_stopping: {metric: val/elbo, patience: 2, min_delta: 20}}
            eval: {iwae_samples: 5, iwae_examples: 20}
            """;

    @TempDir
    Path work;

    @Test
    void aStalledRunEndsFinishedAfterPatienceEvaluationsAndIsEvaluatedWithItsBestWeights() throws IOException {
        CommandLineRunner.Outcome outcome = run();
        assertEquals(0, outcome.exitCode(), outcome.err());
        Path run = runDirectory();
        List<CSVRecord> rows = rows(run);
        List<Double> validation = values(rows, "val/elbo");
        assertEquals(4, validation.size(), "epoch 1 sets the reference, epochs 2 and 3 are the patience, then the"
                + " best weights'");
        assertTrue(outcome.out().contains("epoch 3/10") && !outcome.out().contains("epoch 4/10"), outcome.out());
        List<Double> epochs = validation.subList(0, 3);
        int best = 1 + epochs.indexOf(epochs.stream().max(Double::compare).orElseThrow());
        assertEquals(best, Checkpoint.epochOf(run.resolve("checkpoints/best.ckpt")));
        assertEquals(epochs.get(best - 1), validation.get(3), "the last val/elbo is the best epoch's: that of the"
                + " weights evaluated, measured again with the best epoch's stream");
        assertTrue(outcome.out().contains("early stopping after epoch 3: val/elbo has not risen more than 20.0"
                + " above"), outcome.out());
        assertTrue(outcome.out().contains("the final evaluation uses the weights of epoch " + best
                + " (checkpoints/best.ckpt)"), outcome.out());
        JsonNode record = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals("FINISHED", record.path("status").asText());
        assertTrue(record.path("stopped_early").asText().startsWith("early stopping after epoch 3"), record.toString());
        // the weights are the same from epoch 1 on, so the best ones tested with epoch 3's stream give
        // epoch 3's test ELBO exactly; it is logged again, last, and the final metrics follow at epoch 3
        List<Double> test = values(rows, "test/elbo");
        assertEquals(4, test.size());
        assertEquals(test.get(2), test.get(3));
        CSVRecord iwae = rows.stream().filter(row -> row.get("metric").equals("test/iwae_ll")).findFirst()
                .orElseThrow();
        assertEquals("3", iwae.get("epoch"));
    }

    @Test
    void earlyStoppingWithoutAValidationSplitIsASpecMismatch() throws IOException {
        CommandLineRunner.Outcome outcome = run("data.validation=0");
        assertEquals(2, outcome.exitCode(), outcome.out());
        assertTrue(outcome.err().contains("[spec/Mismatch] train.early_stopping"), outcome.err());
        CommandLineRunner.Outcome metric = run("train.early_stopping.metric=test/elbo");
        assertEquals(2, metric.exitCode(), metric.out());
        assertTrue(metric.err().contains("[spec/BadValue] train.early_stopping.metric"), metric.err());
        assertFalse(Files.exists(work.resolve("runs/stall")), "no run directory for bad input");
    }

    private CommandLineRunner.Outcome run(String... overrides) throws IOException {
        Path spec = TestSpecs.write(work, "stall.yaml", SPEC);
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--no-progress", "--runs-dir",
                work.resolve("runs").toString()));
        for (String override : overrides) {
            args.addAll(List.of("--set", override));
        }
        return CommandLineRunner.vae(args.toArray(String[]::new));
    }

    private Path runDirectory() throws IOException {
        try (Stream<Path> runs = Files.list(work.resolve("runs/stall"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    private static List<CSVRecord> rows(Path run) throws IOException {
        try (Reader reader = Files.newBufferedReader(run.resolve("metrics.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        }
    }

    private static List<Double> values(List<CSVRecord> rows, String metric) {
        return rows.stream().filter(row -> row.get("metric").equals(metric))
                .map(row -> Double.parseDouble(row.get("value"))).toList();
    }
}
