package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints damaged or swapped on disk are refused before anything of the run changes. A run's
 * {@code last.ckpt} with flipped bytes, one of garbage, or one of another model does not resume
 * (exit 2, one line naming the file, {@code provenance.json} and {@code metrics.csv} untouched); a
 * {@code final.fb} with flipped bytes is not evaluated (ND4J would load it and print NaN).
 */
class CheckpointIntegrityTest {

    @TempDir
    static Path work;

    private static Path specFile;
    private static Path finished;

    @BeforeAll
    static void runOnce() throws IOException {
        specFile = TestSpecs.write(work, "tiny.yaml", TestSpecs.TINY_FASHION);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", specFile.toString(), "--runs-dir",
                work.resolve("runs").toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        try (Stream<Path> runs = Files.list(work.resolve("runs/tiny"))) {
            finished = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void aCheckpointWithFlippedBytesIsCorruptAndNothingResumes() throws IOException {
        Path run = stoppedCopy("flipped");
        flipBytes(run.resolve("checkpoints/last.ckpt"));
        assertRefusedUnchanged(run, run.resolve("checkpoints/last.ckpt")
                + " is corrupt: its content does not match its CRC32C checksum; to resume from the best epoch instead, "
                + "copy checkpoints/best.ckpt over it, or start the run again without --resume");
    }

    @Test
    void aCheckpointOfGarbageIsNotACheckpoint() throws IOException {
        Path run = stoppedCopy("garbage");
        byte[] garbage = new byte[5000];
        new SplittableRandom(3).nextBytes(garbage);
        Files.write(run.resolve("checkpoints/last.ckpt"), garbage);
        assertRefusedUnchanged(run, run.resolve("checkpoints/last.ckpt") + " is not a VAELab checkpoint; ");
    }

    @Test
    void aCheckpointOfAnotherModelIsRefusedBeforeTheRunIsReopened() throws IOException {
        Path wider = TestSpecs.write(work, "wider.yaml",
                TestSpecs.TINY_FASHION.replace("hidden: [64]", "hidden: [80]"));
        CommandLineRunner.Outcome other = CommandLineRunner.vae("run", wider.toString(), "--runs-dir",
                work.resolve("wider").toString());
        assertEquals(0, other.exitCode(), other.err());
        Path foreign;
        try (Stream<Path> runs = Files.list(work.resolve("wider/tiny"))) {
            foreign = runs.findFirst().orElseThrow().resolve("checkpoints/last.ckpt");
        }
        Path run = stoppedCopy("foreign");
        Files.copy(foreign, run.resolve("checkpoints/last.ckpt"), StandardCopyOption.REPLACE_EXISTING);
        assertRefusedUnchanged(run, "checkpoints/last.ckpt is not a checkpoint of the model and optimizer its spec "
                + "describes (decoder/hidden0/W is [4, 80] in the checkpoint, [4, 64] in the model); start "
                + "the run again without --resume");
    }

    @Test
    void aTrainedModelWithFlippedBytesIsCorruptForEveryCommand() throws IOException {
        assertTrue(Files.isRegularFile(finished.resolve("checkpoints/final.fb.sha256")),
                "the model's digest is recorded");
        Path run = copy(finished, work.resolve("model-flipped"));
        flipBytes(run.resolve("checkpoints/final.fb"));
        String corrupt = "error: " + run.resolve("checkpoints/final.fb")
                + " is corrupt: its SHA-256 differs from the one recorded in final.fb.sha256 when the run saved it\n";
        CommandLineRunner.Outcome eval = CommandLineRunner.vae("eval", run.toString());
        assertEquals(2, eval.exitCode(), eval.out() + eval.err());
        assertEquals(corrupt, eval.err());
        assertFalse(eval.out().contains("NaN"), eval.out());
        CommandLineRunner.Outcome sample = CommandLineRunner.vae("sample", run.toString(), "-o",
                work.resolve("samples.png").toString());
        assertEquals(2, sample.exitCode(), sample.err());
        assertEquals(corrupt, sample.err());
        assertFalse(Files.exists(work.resolve("samples.png")));
    }

    /** A copy of the finished run as a run stopped (KILLED) after its last checkpoint. */
    private static Path stoppedCopy(String name) throws IOException {
        Path run = copy(finished, work.resolve(name));
        Path provenance = run.resolve("provenance.json");
        Files.writeString(provenance, Files.readString(provenance).replace("\"FINISHED\"", "\"KILLED\""));
        return run;
    }

    /** Refused with exit code 2 and one line ending in {@code message}, its directory untouched. */
    private static void assertRefusedUnchanged(Path run, String message) throws IOException {
        byte[] provenance = Files.readAllBytes(run.resolve("provenance.json"));
        byte[] metrics = Files.readAllBytes(run.resolve("metrics.csv"));
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", specFile.toString(), "--resume",
                run.toString());
        assertEquals(2, outcome.exitCode(), outcome.out() + outcome.err());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("error: --resume " + run + ": "), outcome.err());
        assertTrue(outcome.err().contains(message), outcome.err());
        assertTrue(outcome.err().endsWith("; nothing was run\n"), outcome.err());
        assertArrayEquals(provenance, Files.readAllBytes(run.resolve("provenance.json")),
                "provenance.json is untouched");
        assertArrayEquals(metrics, Files.readAllBytes(run.resolve("metrics.csv")), "metrics.csv is untouched");
    }

    /** Flips 50 bytes in the middle of {@code file}, as a failing disk might. */
    private static void flipBytes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < 50; i++) {
            bytes[bytes.length / 2 + i] ^= (byte) 0x5A;
        }
        Files.write(file, bytes);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }
}
