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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what a scheduler sends before it reclaims a machine) during the second epoch: the run is
 * marked KILLED, its journal ends with that, the first epoch's checkpoint is kept, the process says
 * how to continue with the spec and {@code --set} values it was given, and {@code --resume}
 * finishes the run from it. Stopped before its first checkpoint, it says the run must start again.
 */
class TerminateTest {

    @TempDir
    Path work;

    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void sigtermMarksTheRunKilledKeepsItsCheckpointAndTheRunResumes() throws Exception {
        String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: terminated")
                .replace("epochs: 2", "epochs: 3, log_every_steps: 5") + "eval: {iwae_samples: 0}\n";
        Path specFile = TestSpecs.write(work, "terminated.yaml", spec);
        Path log = work.resolve("vae.log");
        Process vae = CommandLineRunner.process(log, List.of(), "run", specFile.toString(), "--set", "kl.beta=1.5",
                "--runs-dir", work.resolve("runs").toString()).start();
        Path run = RunProgress.awaitEpoch(work.resolve("runs/terminated"), 2, vae, log);
        terminate(vae, log);
        assertTrue(Files.readString(log).contains("stopped: the run is marked KILLED; `vae run " + specFile
                + " --set kl.beta=1.5 --resume " + run + "` continues it from its last checkpoint (epoch 1)\n"),
                Files.readString(log));

        JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals("KILLED", provenance.path("status").asText());
        List<String> journal = Files.readAllLines(run.resolve("journal.jsonl"));
        assertTrue(journal.get(journal.size() - 1).startsWith("{\"event\":\"end\",\"status\":\"KILLED\""),
                journal.get(journal.size() - 1));
        assertTrue(Files.size(run.resolve("checkpoints/last.ckpt")) > 0, "the first epoch's checkpoint is kept");

        CommandLineRunner.Outcome resumed = CommandLineRunner.vae("run", specFile.toString(), "--set", "kl.beta=1.5",
                "--resume", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming after epoch 1"), resumed.out());
        assertEquals("FINISHED", new ObjectMapper().readTree(run.resolve("provenance.json").toFile())
                .path("status").asText());
    }

    @Test
    void sigtermBeforeTheFirstCheckpointSaysTheRunMustStartAgain() throws Exception {
        String spec = TestSpecs.TINY_FASHION.replace("name: tiny", "name: early");
        Path specFile = TestSpecs.write(work, "early.yaml", spec);
        Path log = work.resolve("early.log");
        Process vae = CommandLineRunner.process(log, List.of(), "run", specFile.toString(),
                "--runs-dir", work.resolve("runs").toString()).start();
        started.add(vae);
        Path run = RunProgress.awaitRunDirectory(work.resolve("runs/early"), vae, log);
        RunProgress.holdBefore(run, "checkpoints/best.ckpt");
        RunProgress.await(vae, log, "validation", () -> Files.exists(run.resolve("metrics.csv"))
                && Files.readString(run.resolve("metrics.csv")).contains(",1,val/elbo,"));
        terminate(vae, log);
        assertTrue(Files.readString(log).contains("stopped: the run is marked KILLED; it has no checkpoint yet, so it "
                + "must be started again: `vae run " + specFile + "`\n"), Files.readString(log));
    }

    private static void terminate(Process vae, Path log) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(vae.pid())).start().waitFor();
        assertTrue(vae.waitFor(120, TimeUnit.SECONDS), "vae stops after SIGTERM");
        assertEquals(143, vae.exitValue(), "128 + SIGTERM:\n" + Files.readString(log));
    }
}
