package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vae run} and {@code vae eval} of the VAE with two stochastic layers (Burda, Grosse and Salakhutdinov 2016,
 * section 5) on a slice of Fashion-MNIST: the active units of each layer (their section 5.2) agree between the
 * summary line, the metrics, the layer column of {@code eval/latent_dimensions.csv} and {@code vae eval} on the
 * restored weights.
 */
class TwoLayerRunTest {

    private static final String SPEC = """
            name: twolayer
            seed: 3
            data: {type: mnist, variant: fashion, train_limit: 1200, validation: 200, test_limit: 300}
            model:
              latent_dim: 6
              encoder: {type: mlp, hidden: [64], activation: tanh}
              decoder: {type: mlp, hidden: [64], activation: tanh}
              prior: {type: two_layer, top: 2, hidden: [16]}
              posterior: {type: two_layer, top: 2, hidden: [16]}
            likelihood: {type: bernoulli}
            train: {epochs: 1, batch_size: 50}
            eval: {iwae_samples: 0}
            """;

    @TempDir
    Path work;

    @Test
    void eachLayersActiveUnitsAgreeInTheSummaryTheMetricsTheTableAndEval() throws IOException {
        Path spec = TestSpecs.write(work, "twolayer.yaml", SPEC);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                work.resolve("runs").toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        Matcher summary = Pattern.compile("active units (\\d+) of 6 \\(z1: (\\d+) of 4, z2: (\\d+) of 2\\)")
                .matcher(outcome.out());
        assertTrue(summary.find(), outcome.out());
        int z1 = Integer.parseInt(summary.group(2));
        int z2 = Integer.parseInt(summary.group(3));
        System.out.println("TwoLayerRunTest: " + summary.group());
        assertEquals(z1 + z2, Integer.parseInt(summary.group(1)));
        assertTrue(z1 > 0, "a trained model uses z1, so the counts below are not all zero");
        Path run;
        try (Stream<Path> runs = Files.list(work.resolve("runs/twolayer"))) {
            run = runs.findFirst().orElseThrow();
        }

        Map<String, Double> metrics = new TreeMap<>();
        for (CSVRecord row : csv(run.resolve("metrics.csv"))) {
            if (row.get("metric").startsWith("test/active_units")) {
                metrics.put(row.get("metric"), Double.parseDouble(row.get("value")));
            }
        }
        assertEquals(Map.of("test/active_units", (double) (z1 + z2), "test/active_units/z1", (double) z1,
                "test/active_units/z2", (double) z2), metrics);

        List<CSVRecord> dimensions = csv(run.resolve("eval/latent_dimensions.csv"));
        assertEquals(List.of("dimension", "layer", "kl", "posterior_mean_var", "active"),
                dimensions.get(0).getParser().getHeaderNames());
        assertEquals(List.of("z1", "z1", "z1", "z1", "z2", "z2"), dimensions.stream().map(row -> row.get("layer"))
                .toList());
        for (String layer : List.of("z1", "z2")) {
            long active = dimensions.stream().filter(row -> row.get("layer").equals(layer))
                    .filter(row -> Double.parseDouble(row.get("posterior_mean_var")) > 0.01).count();
            assertEquals(metrics.get("test/active_units/" + layer), (double) active, layer);
        }

        Path json = work.resolve("eval.json");
        CommandLineRunner.Outcome eval = CommandLineRunner.vae("eval", run.toString(), "--iwae", "0", "--json",
                json.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        JsonNode values = new ObjectMapper().readTree(json.toFile());
        assertEquals(z1 + z2, values.get("active_units").asInt());
        assertEquals(z1, values.get("active_units_by_layer").get("z1").asInt());
        assertEquals(z2, values.get("active_units_by_layer").get("z2").asInt());
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
        }
    }
}
