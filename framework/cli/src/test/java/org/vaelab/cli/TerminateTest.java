package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what a scheduler sends before it reclaims a machine) during the second epoch: the run is
 * marked KILLED, its journal ends with that, the first epoch's checkpoint is kept, and
 * {@code --resume} finishes the run from it.
 */
class TerminateTest {

    @TempDir
    Path work;

    @Test
    void sigtermMarksTheRunKilledKeepsItsCheckpointAndTheRunResumes() throws Exception {
        String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: terminated")
                .replace("epochs: 2", "epochs: 3, log_every_steps: 5") + "eval: {iwae_samples: 0}\n";
        Path specFile = TestSpecs.write(work, "terminated.yaml", spec);
        Path log = work.resolve("vae.log");
        Process vae = CommandLineRunner.process(log, List.of(), "run", specFile.toString(),
                "--runs-dir", work.resolve("runs").toString()).start();
        Path run = RunProgress.awaitEpoch(work.resolve("runs/terminated"), 2, vae, log);
        new ProcessBuilder("kill", "-TERM", Long.toString(vae.pid())).start().waitFor();
        assertTrue(vae.waitFor(120, TimeUnit.SECONDS), "vae stops after SIGTERM");
        assertEquals(143, vae.exitValue(), "128 + SIGTERM:\n" + Files.readString(log));

        JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals("KILLED", provenance.path("status").asText());
        List<String> journal = Files.readAllLines(run.resolve("journal.jsonl"));
        assertTrue(journal.get(journal.size() - 1).startsWith("{\"event\":\"end\",\"status\":\"KILLED\""),
                journal.get(journal.size() - 1));
        assertTrue(Files.size(run.resolve("checkpoints/last.ckpt")) > 0, "the first epoch's checkpoint is kept");

        CommandLineRunner.Outcome resumed = CommandLineRunner.vae("run", specFile.toString(), "--resume", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming after epoch 1"), resumed.out());
        assertEquals("FINISHED", new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("status").asText());
    }

}
