package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the data options change in a run, end to end on slices of Debian's Fashion-MNIST:
 * {@code validation: 0} trains on every training image, without validation metrics or
 * {@code best.ckpt}, and says so once; the default validation, a fraction, does not refuse a
 * {@code train_limit}; dequantized data reports bits per dimension beside nats, and the Bernoulli
 * likelihood, which is not a density, refuses it.
 */
class DataSplitOptionsTest {

    private static final String SPEC = """
            name: options
            seed: 3
            data: {type: mnist, variant: fashion, train_limit: 600, test_limit: 200}
            model:
              latent_dim: 4
              encoder: {type: mlp, hidden: [64]}
              decoder: {type: mlp, hidden: [64]}
            likelihood: {type: continuous_bernoulli}
            train: {epochs: 2, batch_size: 100}
            eval: {iwae_samples: 5, iwae_examples: 50}
            """;

    @TempDir
    Path work;

    private CommandLineRunner.Outcome run(String... overrides) throws IOException {
        Path spec = TestSpecs.write(work, "options.yaml", SPEC);
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--runs-dir",
                work.resolve("runs").toString()));
        for (String override : overrides) {
            args.addAll(List.of("--set", override));
        }
        return CommandLineRunner.vae(args.toArray(String[]::new));
    }

    private Path runDirectory() throws IOException {
        try (Stream<Path> runs = Files.list(work.resolve("runs/options"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    @Test
    void validationZeroTrainsOnEveryImageWithoutValidationMetricsOrBestCheckpoint() throws IOException {
        CommandLineRunner.Outcome outcome = run("data.validation=0");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("600 train / 0 validation / 200 test"), outcome.out());
        String said = "no validation split: no validation metrics, and checkpoints/best.ckpt is not written";
        assertEquals(1, outcome.out().split(said, -1).length - 1, "said once: " + outcome.out());
        assertFalse(outcome.out().contains("val ELBO"), outcome.out());
        Path run = runDirectory();
        assertFalse(Files.exists(run.resolve("checkpoints/best.ckpt")));
        assertTrue(Files.exists(run.resolve("checkpoints/last.ckpt")));
        assertTrue(metrics(run).keySet().stream().noneMatch(metric -> metric.startsWith("val/")),
                metrics(run).keySet().toString());
        assertEquals(2, metrics(run).get("test/elbo").size());
    }

    @Test
    void theDefaultValidationIsATwelfthOfTheTrainingImagesSoATrainLimitIsNotRefused() throws IOException {
        CommandLineRunner.Outcome outcome = run("data.train_limit=5000", "train.epochs=1");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("4583 train / 417 validation / 200 test"), outcome.out());
    }

    @Test
    void dequantizedDataReportsBitsPerDimensionBesideNats() throws IOException {
        CommandLineRunner.Outcome outcome = run("data.dequantize=uniform");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("bits per dimension = -ELBO / (784 ln 2) + log2(256)"), outcome.out());
        assertTrue(outcome.out().contains(" bits/dim"), outcome.out());
        assertTrue(outcome.out().contains(" bits per dimension (importance-weighted"), outcome.out());
        Map<String, Map<Integer, Double>> metrics = metrics(runDirectory());
        for (String split : List.of("val", "test")) {
            for (int epoch = 1; epoch <= 2; epoch++) {
                double elbo = metrics.get(split + "/elbo").get(epoch);
                assertEquals(-elbo / (784 * Math.log(2)) + 8, metrics.get(split + "/bpd").get(epoch), 1e-9,
                        split + " epoch " + epoch);
            }
        }
        double logLikelihood = metrics.get("test/iwae_ll").get(2);
        assertEquals(-logLikelihood / (784 * Math.log(2)) + 8, metrics.get("test/iwae_bpd").get(2), 1e-9);

        CommandLineRunner.Outcome eval = CommandLineRunner.vae("eval", runDirectory().toString(), "--iwae", "0");
        assertEquals(0, eval.exitCode(), eval.err());
        double elbo = tableValue(eval.out(), "ELBO");
        assertEquals(-elbo / (784 * Math.log(2)) + 8, tableValue(eval.out(), "-ELBO, bits per dimension"), 1e-3,
                eval.out());
    }

    /** The number in the row of {@code vae eval}'s table named {@code name}. */
    private static double tableValue(String table, String name) {
        return table.lines().filter(line -> line.startsWith(name + " ")).map(line -> line.substring(name.length()))
                .map(String::trim).mapToDouble(Double::parseDouble).findFirst().orElseThrow(() -> new AssertionError(
                        "no row " + name + " in " + table));
    }

    @Test
    void theBernoulliLikelihoodRefusesDequantizedData() throws IOException {
        CommandLineRunner.Outcome outcome = run("data.dequantize=uniform", "likelihood.type=bernoulli");
        assertEquals(2, outcome.exitCode(), outcome.out());
        assertTrue(outcome.err().contains("[spec/Mismatch] likelihood.type (--set likelihood.type=bernoulli): "
                + "bernoulli is a probability of binary values, not a density"), outcome.err());
        assertFalse(Files.exists(work.resolve("runs/options")), "no run directory for bad input");
    }

    @Test
    void aSplitSizeThatIsNeitherACountNorAFractionIsASpecProblem() throws IOException {
        CommandLineRunner.Outcome outcome = run("data.validation=1.5");
        assertEquals(2, outcome.exitCode(), outcome.out());
        assertTrue(outcome.err().contains("spec/BadValue") && outcome.err().contains("data.validation")
                && outcome.err().contains("or a fraction of them between 0 and 1 (such as 0.1 or 1/12)"),
                outcome.err());
    }

    /** Every metric of {@code run}'s {@code metrics.csv}, by name and epoch (the last value of each epoch). */
    private static Map<String, Map<Integer, Double>> metrics(Path run) throws IOException {
        Map<String, Map<Integer, Double>> metrics = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(run.resolve("metrics.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                metrics.computeIfAbsent(row.get("metric"), name -> new TreeMap<>())
                        .put(Integer.parseInt(row.get("epoch")), Double.parseDouble(row.get("value")));
            }
        }
        return metrics;
    }
}
