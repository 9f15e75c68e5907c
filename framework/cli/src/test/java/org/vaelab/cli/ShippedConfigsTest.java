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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.testkit.PythonLibraries;

/**
 * Every spec shipped in {@code configs/} runs to completion on a small budget, trained by the
 * compiled engine: one epoch on a slice of its data (the digits spec, which needs files this
 * machine does not have, is only validated; the HDF5 spec on a file written from a slice of
 * Fashion-MNIST).
 * A CSV run keeps the scaling fitted on its training split in {@code data/scaling.csv}; a sprites run logs
 * the disentanglement metrics. The provenance says how the KL was computed: in closed form for N(0, I) and
 * the diagonal Gaussian, by Monte Carlo for any other prior or posterior.
 */
class ShippedConfigsTest {

    private static final Path CONFIGS = Path.of(System.getProperty("vaelab.root", "../..")).resolve("configs");

    @TempDir
    Path work;

    static Stream<String> configs() throws IOException {
        try (Stream<Path> files = Files.list(CONFIGS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    /**
     * The HDF5 file the hdf5 spec's header says to write, written by the same script from the first
     * 700 training and 100 test images of Debian's Fashion-MNIST.
     */
    private String fashionHdf5() throws IOException {
        Path data = Files.createDirectories(work.resolve("data"));
        PythonLibraries.run(data, Files.readString(CONFIGS.resolveSibling("scripts").resolve("fashion-mnist-files")),
                data.toString(), "700", "100");
        return data.resolve("fashion-mnist.h5").toString();
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
            case "hdf5" -> args.addAll(List.of("--set", "data.path=" + fashionHdf5(), "--set", "data.validation=100"));
            case "sprites" -> args.addAll(List.of("--set", "data.n=500", "--set",
                    "eval.disentanglement_options.train_points=500", "--set",
                    "eval.disentanglement_options.test_points=200", "--set",
                    "eval.disentanglement_options.variance_samples=500"));
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
            if ("sprites".equals(data.path("type").asText())) {
                String metrics = Files.readString(provenance.resolveSibling("metrics.csv"));
                for (String metric : List.of("disent/mig", "disent/sap", "disent/dci_disentanglement")) {
                    assertTrue(metrics.contains("," + metric + ","), "a sprites run logs " + metric);
                }
            }
            JsonNode model = new YAMLMapper().readTree(spec.toFile()).path("model");
            boolean closedForm = model.path("prior").path("type").asText("standard_normal").equals("standard_normal")
                    && model.path("posterior").path("type").asText("gaussian").equals("gaussian");
            assertEquals(closedForm ? "closed_form" : "monte_carlo", record.path("kl").asText(),
                    config + ": how the KL is computed");
            if ("beta_tcvae".equals(model.path("family").path("type").asText())) {
                String metrics = Files.readString(provenance.resolveSibling("metrics.csv"));
                for (String term : List.of("train/mi", "train/tc", "train/dwkl")) {
                    assertTrue(metrics.contains("," + term + ","), "beta-TCVAE logs " + term);
                }
            }
        }
        assertTrue(outcome.out().contains("test -ELBO"), outcome.out());
    }
}
