package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same spec, seed, backend and threads: the same metrics, bit for bit. {@code metrics.csv} of a
 * run and of {@code vae reproduce} of it are identical byte for byte, line by line (wall-clock
 * speed is in {@code timing.csv}); a record that was changed is not reproduced; and a run that
 * did not finish is refused at once, since its shorter record could never match.
 */
class ReproduceCommandTest {

    @TempDir
    Path work;

    @Test
    void aRunReproducesBitForBitAndAChangedRecordDoesNot() throws IOException {
        Path spec = TestSpecs.write(work, "tiny.yaml", TestSpecs.TINY_FASHION);
        assertEquals(0, CommandLineRunner.vae("run", spec.toString(), "--runs-dir", work.resolve("first").toString())
                .exitCode());
        Path first = onlyRun(work.resolve("first/tiny"));

        CommandLineRunner.Outcome again = CommandLineRunner.vae("reproduce", first.toString(), "--runs-dir",
                work.resolve("second").toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("reproduced: all "), again.out());
        List<String> expected = Files.readAllLines(first.resolve("metrics.csv"));
        List<String> found = Files.readAllLines(onlyRun(work.resolve("second/tiny")).resolve("metrics.csv"));
        assertEquals(expected, found);
        for (String metric : List.of(",train/loss,", ",val/elbo,", ",test/elbo,", ",test/iwae_ll,")) {
            assertTrue(expected.stream().anyMatch(line -> line.contains(metric)),
                    "training, evaluation and final metrics are compared: " + metric);
        }
        assertTrue(expected.stream().noneMatch(line -> line.contains(",time/")), "wall-clock times are in timing.csv");

        Path changed = Files.createDirectories(work.resolve("changed"));
        for (String file : List.of("spec.resolved.yaml", "provenance.json")) {
            Files.copy(first.resolve(file), changed.resolve(file));
        }
        Files.writeString(changed.resolve("metrics.csv"), Files.readString(first.resolve("metrics.csv"))
                .replaceFirst("(,test/elbo,-\\d+\\.\\d)", "$19"));
        CommandLineRunner.Outcome mismatch = CommandLineRunner.vae("reproduce", changed.toString(), "--runs-dir",
                work.resolve("third").toString());
        assertEquals(1, mismatch.exitCode(), mismatch.out() + mismatch.err());
        assertTrue(mismatch.out().contains("not reproduced: metrics.csv differs at line "), mismatch.out());

        Path provenance = changed.resolve("provenance.json");
        Files.writeString(provenance, Files.readString(provenance).replace("\"FINISHED\"", "\"KILLED\""));
        CommandLineRunner.Outcome unfinished = CommandLineRunner.vae("reproduce", changed.toString(), "--runs-dir",
                work.resolve("fourth").toString());
        assertEquals(2, unfinished.exitCode(), unfinished.out() + unfinished.err());
        assertEquals("error: " + changed + " has status KILLED; only a FINISHED run can be reproduced (resume it with "
                + "'vae run " + spec + " --resume " + changed + "', then reproduce it)\n", unfinished.err());
        assertFalse(Files.exists(work.resolve("fourth")), "nothing was run");
    }

    private static Path onlyRun(Path experiment) throws IOException {
        try (Stream<Path> runs = Files.list(experiment)) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size());
            return all.get(0);
        }
    }
}
