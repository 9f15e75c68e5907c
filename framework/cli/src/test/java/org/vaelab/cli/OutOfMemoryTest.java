package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that needs more memory than it may use although its estimate fits (batches of 300 through
 * a conv layer of 128 channels at 14x14, 25,088 values an example, which the estimate counts as
 * the 784 values of its widest parameter dimension, in a process allowed 1 GB) fails with one line
 * naming the settings to lower and how to allow more, exit code 1, and a run directory marked
 * FAILED.
 */
class OutOfMemoryTest {

    private static final String CONV = "$: {type: conv, dense: 256, layers: [{channels: 128, kernel: 4, stride: 2, "
            + "padding: 1}, {channels: 8, kernel: 4, stride: 2, padding: 1}]}";

    @TempDir
    Path work;

    @Test
    void runningOutOfMemorySaysWhichSettingsToLower() throws Exception {
        String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: huge")
                .replace("encoder: {type: mlp, hidden: [400]}", CONV.replace("$", "encoder"))
                .replace("decoder: {type: mlp, hidden: [400]}", CONV.replace("$", "decoder"))
                .replace("train: {epochs: 2, batch_size: 64}",
                        "train: {epochs: 1, batch_size: 300}\neval: {batch_size: 300}");
        Path specFile = TestSpecs.write(work, "huge.yaml", spec);
        Path log = work.resolve("vae.log");
        Process vae = CommandLineRunner.process(log, List.of("-Xmx512m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=1G"),
                "run", specFile.toString(), "--runs-dir", work.resolve("runs").toString()).start();
        assertTrue(vae.waitFor(120, TimeUnit.SECONDS), "vae stops");
        String output = Files.readString(log);
        assertEquals(1, vae.exitValue(), output);
        assertTrue(output.contains("the run failed: out of memory (") && output.contains(
                "with train.batch_size 300, train.mc_samples 1 and eval.batch_size 300"), output);
        assertFalse(output.contains("\tat "), "no stack trace without --verbose:\n" + output);
        Path run;
        try (Stream<Path> runs = Files.list(work.resolve("runs/huge"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals("FAILED", provenance.path("status").asText());
        assertTrue(provenance.path("failure").asText().startsWith("out of memory"), provenance.toString());
    }
}
