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
 * A run that needs more memory than it may use (a million rows a step: a batch of 1,000 with 1,024
 * samples of z each, in a process allowed 1 GB of native memory) fails with one line naming the
 * settings to lower and how to allow more, exit code 1, and a run directory marked FAILED.
 */
class OutOfMemoryTest {

    @TempDir
    Path work;

    @Test
    void runningOutOfMemorySaysWhichSettingsToLower() throws Exception {
        String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: huge")
                .replace("train: {epochs: 2, batch_size: 64}", "train: {epochs: 1, batch_size: 1000, mc_samples: 1024}");
        Path specFile = TestSpecs.write(work, "huge.yaml", spec);
        Path log = work.resolve("vae.log");
        Process vae = CommandLineRunner.process(log, List.of("-Xmx512m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=1G"),
                "run", specFile.toString(), "--runs-dir", work.resolve("runs").toString()).start();
        assertTrue(vae.waitFor(120, TimeUnit.SECONDS), "vae stops");
        String output = Files.readString(log);
        assertEquals(1, vae.exitValue(), output);
        assertTrue(output.contains("the run failed: out of memory (") && output.contains(
                "with train.batch_size 1000, train.mc_samples 1024 and eval.batch_size"), output);
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
