package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every spec shipped in {@code configs/} runs to completion on a small budget, trained by the
 * compiled engine: one epoch on a slice of its data (the digits spec, which needs files this
 * machine does not have, is only validated).
 * A CSV run keeps the scaling fitted on its training split in {@code data/scaling.csv}; a model family
 * that logs metrics of its own (beta-TCVAE's terms, the MMD, DIP-VAE's penalty) logs them.
 */
class ShippedConfigsTest {

    /** The metrics a model family logs every step besides the loss's terms, by family type. */
    private static final Map<String, List<String>> FAMILY_METRICS = Map.of(
            "beta_tcvae", List.of("train/mi", "train/tc", "train/dwkl"),
            "wae_mmd", List.of("train/mmd"),
            "info_vae", List.of("train/mmd"),
            "dip_vae_i", List.of("train/covariance_penalty"),
            "dip_vae_ii", List.of("train/covariance_penalty"));

    private static final Path CONFIGS = Path.of(System.getProperty("vaelab.root", "../..")).resolve("configs");

    @TempDir
    Path work;

    static Stream<String> configs() throws IOException {
        try (Stream<Path> files = Files.list(CONFIGS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void runsToCompletionOnASmallBudget(String config) throws IOException {
        Path spec = CONFIGS.resolve(config);
        JsonNode data = new YAMLMapper().readTree(spec.toFile()).path("data");
        if ("digits".equals(data.path("variant").asText())) {
            assertEquals(0, CommandLineRunner.vae("validate", spec.toString()).exitCode());
            return;
        }
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--runs-dir", work.toString(),
                "--set", "train.epochs=1", "--set", "eval.every_epochs=1"));
        switch (data.path("type").asText()) {
            case "mnist" -> args.addAll(List.of("--set", "data.train_limit=700", "--set", "data.validation=100",
                    "--set", "data.test_limit=100"));
            case "swiss_roll" -> args.addAll(List.of("--set", "data.n=1000"));
            default -> { }
        }
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae(args.toArray(String[]::new));
        assertEquals(0, outcome.exitCode(), config + ": " + outcome.err());
        try (Stream<Path> runs = Files.walk(work)) {
            Path provenance = runs.filter(p -> p.getFileName().toString().equals("provenance.json")).findFirst()
                    .orElseThrow();
            JsonNode record = new ObjectMapper().readTree(provenance.toFile());
            assertEquals("FINISHED", record.path("status").asText());
            assertEquals("compiled", record.path("training_step").asText(), config + " trains on the compiled engine");
            if ("csv".equals(data.path("type").asText())) {
                List<String> scaling = Files.readAllLines(provenance.resolveSibling("data/scaling.csv"));
                assertEquals("column,method,offset,scale", scaling.get(0));
                assertEquals(data.path("columns").size() + 1, scaling.size(), "one row per column: " + scaling);
            }
            String family = new YAMLMapper().readTree(spec.toFile()).path("model").path("family").path("type")
                    .asText();
            String metrics = Files.readString(provenance.resolveSibling("metrics.csv"));
            for (String term : FAMILY_METRICS.getOrDefault(family, List.of())) {
                assertTrue(metrics.contains("," + term + ","), family + " logs " + term);
            }
        }
        assertTrue(outcome.out().contains("test -ELBO"), outcome.out());
    }
}
