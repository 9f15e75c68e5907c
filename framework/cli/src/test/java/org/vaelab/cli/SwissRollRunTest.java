package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run on the 3-D Swiss roll: its scatter plots are drawn, and {@code vae sample} writes a table. */
class SwissRollRunTest {

    @TempDir
    Path work;

    @Test
    void scatterPlotsAreDrawnAndSamplesAreATable() throws IOException {
        Path spec = Path.of(System.getProperty("vaelab.root", "../..")).resolve("configs/swiss-roll.yaml");
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir", work.toString(),
                "--set", "data.n=1000", "--set", "train.epochs=2", "--set", "eval.every_epochs=1",
                "--set", "train.log_every_steps=2");
        assertEquals(0, outcome.exitCode(), outcome.err());
        Path run;
        try (Stream<Path> runs = Files.list(work.resolve("swiss-roll"))) {
            run = runs.findFirst().orElseThrow();
        }
        for (String figure : List.of("data_scatter.png", "latent_scatter.png", "training_curves.png")) {
            FigureChecks.assertDrawn(run.resolve("images").resolve(figure), 200);
        }

        Path samples = work.resolve("samples.csv");
        CommandLineRunner.Outcome sampled = CommandLineRunner.vae("sample", run.toString(), "-n", "5", "-o",
                samples.toString());
        assertEquals(0, sampled.exitCode(), sampled.err());
        List<String> lines = Files.readAllLines(samples);
        assertEquals("z0,z1,x0,x1,x2", lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(line -> line.split(",").length == 5), lines.toString());
        assertEquals(2, CommandLineRunner.vae("sample", run.toString(), "-o", work.resolve("s.png").toString())
                .exitCode(), "the roll is not an image");
    }
}
