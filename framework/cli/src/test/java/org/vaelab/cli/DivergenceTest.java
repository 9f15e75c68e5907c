package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * {@code provenance.json}, keeping every metric logged before; so does a run whose validation ELBO
 * stops being finite, without saving a checkpoint of its diverged parameters.
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
                + "(the reconstruction term -log p\\(x\\|z\\)|the KL term) is not finite \\(reconstruction "
                + ".*, KL .*\\).*"), outcome.err());
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

    /**
     * One step an epoch: the step's loss is finite, but its update leaves parameters whose
     * validation ELBO is not, which must fail the run like a non-finite loss, before a checkpoint
     * of those parameters is saved (an ELBO compared with NaN would make it the best so far).
     */
    @Test
    void aNonFiniteValidationElboFailsTheRunAndSavesNoCheckpointOfIt() throws IOException {
        String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: diverging_after_step")
                .replace("train_limit: 3500", "train_limit: 564") + "optimizer: {type: sgd, lr: 1.0e+30}\n";
        Path specFile = TestSpecs.write(work, "diverging.yaml", spec);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", specFile.toString(), "--runs-dir",
                work.resolve("runs").toString());
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().matches("the run failed: the validation ELBO became (NaN|-?Infinity) after epoch 1 "
                + "\\(step 1\\): reconstruction \\S+, KL \\S+\n"), outcome.err());
        Path run;
        try (Stream<Path> runs = Files.list(work.resolve("runs/diverging_after_step"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals("FAILED", provenance.path("status").asText());
        assertTrue(provenance.path("failure").asText().startsWith("the validation ELBO became "),
                provenance.toString());
        assertFalse(Files.exists(run.resolve("checkpoints/best.ckpt")), "no checkpoint of the diverged parameters");
        assertFalse(Files.exists(run.resolve("checkpoints/last.ckpt")), "no checkpoint of the diverged parameters");
    }
}
