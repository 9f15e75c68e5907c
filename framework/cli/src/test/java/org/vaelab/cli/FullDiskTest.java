package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on a disk that fills up: a small tmpfs as the runs folder (mounting one needs root, which
 * CI has; elsewhere these tests are skipped). A disk full while the trained model is saved fails
 * the run with the file and the cause ("No space left on device", not ND4J's "Error saving
 * SameDiff instance to file") in the message and in {@code provenance.json}; a disk too full for
 * a run's first files leaves no run directory that says RUNNING.
 */
class FullDiskTest {

    private static final long PAGE = 4096;

    @TempDir
    Path work;

    private final List<Path> mounted = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Path point : mounted) {
            new ProcessBuilder("umount", "--lazy", point.toString()).inheritIO().start().waitFor();
        }
    }

    /**
     * The tmpfs is sized from a run of the same spec on the ordinary disk: room for every file the
     * run writes before its model ({@code checkpoints/final.fb}), but for half the model.
     */
    @Test
    void aDiskFullWhileTheModelIsSavedNamesTheFileAndTheCause() throws Exception {
        Path spec = TestSpecs.write(work, "tiny.yaml", TestSpecs.TINY_FASHION);
        CommandLineRunner.Outcome reference = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                work.resolve("reference").toString());
        assertEquals(0, reference.exitCode(), reference.err());
        Path referenceRun = onlyRun(work.resolve("reference/tiny"));
        long beforeModel = 0;
        try (Stream<Path> files = Files.walk(referenceRun)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = referenceRun.relativize(file).toString();
                if (!name.startsWith("checkpoints/final.fb") && !name.startsWith("images/")) {
                    beforeModel += pages(Files.size(file));
                }
            }
        }
        long size = beforeModel + pages(Files.size(referenceRun.resolve("checkpoints/final.fb")) / 2);
        Path disk = tmpfs("small", size);

        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                disk.toString());
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        Path run = onlyRun(disk.resolve("tiny"));
        String failure = "could not write " + run.resolve("checkpoints/final.fb")
                + ": No space left on device; the last checkpoint (checkpoints/last.ckpt) is kept, and --resume " + run
                + " continues the run from it";
        assertEquals("the run failed: " + failure + "\n", outcome.err());
        JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals("FAILED", provenance.path("status").asText());
        assertEquals(failure, provenance.path("failure").asText());
    }

    /**
     * Disks of one to eight pages fill up at each of a run's first writes in turn: its spec, its
     * provenance, its journal and metrics, its first checkpoint. Every run fails with one line,
     * and leaves either no run directory or one whose provenance says FAILED and why.
     */
    @Test
    void aDiskFullFromTheStartLeavesNoRunningRun() throws Exception {
        Path spec = TestSpecs.write(work, "tiny.yaml", TestSpecs.TINY_FASHION);
        for (int pages = 1; pages <= 8; pages++) {
            Path disk = tmpfs("pages" + pages, pages * PAGE);
            CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                    disk.toString());
            String said = pages + " pages: " + outcome.err();
            assertEquals(1, outcome.exitCode(), said);
            assertTrue(outcome.err().matches("the run failed: [^\n]*No space left on device[^\n]*\n"), said);
            List<Path> runs;
            try (Stream<Path> listed = Files.list(disk.resolve("tiny"))) {
                runs = listed.toList();
            }
            if (pages == 1) {
                assertTrue(outcome.err().matches("the run failed: the run could not start: could not write "
                        + Pattern.quote(disk.resolve("tiny").toString())
                        + "/[^/ ]+/[a-z.]+: No space left on device; its run directory \\S+ was removed again\n"),
                        said);
            }
            if (!runs.isEmpty()) {
                JsonNode provenance = new ObjectMapper().readTree(runs.get(0).resolve("provenance.json").toFile());
                assertEquals("FAILED", provenance.path("status").asText(), said);
                assertTrue(provenance.path("failure").asText().contains("No space left on device"), said);
            }
        }
    }

    private Path tmpfs(String name, long bytes) throws Exception {
        Path point = Files.createDirectories(work.resolve(name));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", point.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(mount.waitFor() == 0, "a tmpfs can be mounted (needs root): " + said);
        mounted.add(point);
        return point;
    }

    /** The bytes of the 4 KiB pages a file of {@code bytes} takes on a tmpfs. */
    private static long pages(long bytes) {
        return (bytes + PAGE - 1) / PAGE * PAGE;
    }

    private static Path onlyRun(Path experiment) throws IOException {
        try (Stream<Path> runs = Files.list(experiment)) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
