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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.train.Checkpoint;

/**
 * The disk refuses a checkpoint halfway through writing it. A {@code vae run} process gets a
 * file-size limit ({@code prlimit --fsize}, RLIMIT_FSIZE) once its first checkpoint is written:
 * from then on the kernel fails every write past 1 MiB with EFBIG, as a full disk fails it with
 * ENOSPC, in the middle of the next checkpoint (about 8 MB), while the small appends to the
 * journal and metrics go on. This needs no privileges, and the JVM ignores SIGXFSZ, so the failure
 * arrives as an {@link java.io.IOException}.
 *
 * <p>The run must fail with one line naming the file and the cause (exit 1), be marked FAILED
 * with that reason, keep its journal and metrics, leave no temporary file, keep its previous
 * checkpoint complete, and finish with {@code --resume} once writes succeed again.
 */
class CheckpointWriteFailureTest {

    private static final long FILE_SIZE_LIMIT = 1 << 20;

    @TempDir
    Path work;

    @Test
    void aCheckpointThatCannotBeWrittenFailsTheRunAndKeepsThePreviousOne() throws Exception {
        String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: full")
                .replace("epochs: 2", "epochs: 3, log_every_steps: 5") + "eval: {iwae_samples: 0}\n";
        Path specFile = TestSpecs.write(work, "full.yaml", spec);
        Path log = work.resolve("vae.log");
        Process vae = CommandLineRunner.process(log, List.of(), "run", specFile.toString(), "--no-progress",
                "--runs-dir", work.resolve("runs").toString()).start();
        Path run = RunProgress.awaitEpoch(work.resolve("runs/full"), 2, vae, log);
        Process limit = new ProcessBuilder("prlimit", "--pid", Long.toString(vae.pid()),
                "--fsize=" + FILE_SIZE_LIMIT + ":" + FILE_SIZE_LIMIT).redirectErrorStream(true).start();
        assertEquals(0, limit.waitFor(), new String(limit.getInputStream().readAllBytes()));
        assertTrue(vae.waitFor(180, TimeUnit.SECONDS), "vae ends after the failed write");
        String output = Files.readString(log);
        assertEquals(1, vae.exitValue(), output);

        List<String> failures = output.lines().filter(line -> line.startsWith("the run failed: ")).toList();
        assertEquals(1, failures.size(), output);
        assertTrue(failures.get(0).matches("the run failed: could not write " + Pattern.quote(run.toString())
                + "/checkpoints/(best|last)\\.ckpt: File too large; the last checkpoint "
                + "\\(checkpoints/last\\.ckpt\\) is kept, and --resume " + Pattern.quote(run.toString())
                + " continues the run from it"), failures.get(0));
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);

        JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals("FAILED", provenance.path("status").asText());
        assertEquals(failures.get(0).substring("the run failed: ".length()), provenance.path("failure").asText());
        List<String> journal = Files.readAllLines(run.resolve("journal.jsonl"));
        assertTrue(journal.get(journal.size() - 1).startsWith("{\"event\":\"end\",\"status\":\"FAILED\""),
                journal.get(journal.size() - 1));
        try (Stream<Path> files = Files.walk(run)) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file is left");
        }

        Checkpoint kept = Checkpoint.read(run.resolve("checkpoints/last.ckpt"));
        assertTrue(kept.epoch() >= 1 && kept.epoch() < 3, "the checkpoint kept is of epoch " + kept.epoch());
        assertTrue(Files.readAllLines(run.resolve("metrics.csv")).stream()
                        .anyMatch(line -> line.matches("\\d+," + (kept.epoch() + 1) + ",train/loss,.*")),
                "metrics.csv keeps the failed epoch's rows");

        CommandLineRunner.Outcome resumed = CommandLineRunner.vae("run", specFile.toString(), "--resume",
                run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming after epoch " + kept.epoch() + " "), resumed.out());
        assertEquals("FINISHED", new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("status")
                .asText());
        assertTrue(Files.readAllLines(run.resolve("metrics.csv")).stream()
                .anyMatch(line -> line.matches("\\d+,3,test/elbo,.*")), "the resumed run reaches its last epoch");
    }
}
