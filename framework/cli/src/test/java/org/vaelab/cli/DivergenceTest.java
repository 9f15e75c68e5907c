package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose loss stops being finite (plain SGD with an absurd learning rate) stops at that step,
 * exits 1 naming the term and the step, and is marked FAILED with the same reason in
 * {@code provenance.json}, keeping every metric logged before.
 */
class DivergenceTest {

    @TempDir
    Path work;

    @Test
    void aNonFiniteLossFailsTheRunNamingTheTermAndTheStep() throws IOException {
        String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: diverging")
                + "optimizer: {type: sgd, lr: 1.0e+30}\n";
        Path specFile = TestSpecs.write(work, "diverging.yaml", spec);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", specFile.toString(), "--runs-dir",
                work.resolve("runs").toString());
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().matches("(?s)the run failed: the training loss became NaN at step \\d+ \\(epoch 1\\): "
                + "(the reconstruction term -log p\\(x\\|z\\)|the KL term) is not finite \\(reconstruction .*, KL .*\\).*"),
                outcome.err());
        Path run;
        try (Stream<Path> runs = Files.list(work.resolve("runs/diverging"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals("FAILED", provenance.path("status").asText());
        assertTrue(provenance.path("failure").asText().startsWith("the training loss became NaN at step "),
                provenance.toString());
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals("step,epoch,metric,value", metrics.get(0));
    }
}
