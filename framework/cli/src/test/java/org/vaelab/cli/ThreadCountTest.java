package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's numbers do not depend on how many threads train it: the same spec and seed, a conv VAE
 * with dropout in its dense layer, run by {@code vae run} in processes of their own with
 * {@code VAE_THREADS} 1, 2 and 4, write byte-identical {@code metrics.csv} files, and each
 * records the count it trained with.
 */
class ThreadCountTest {

    private static final String SPEC = """
            name: threads
            seed: 3
            data: {type: mnist, variant: fashion, train_limit: 640, validation: 100, test_limit: 200}
            model:
              latent_dim: 6
              encoder: {type: conv, layers: [{channels: 8}, {channels: 16}], dense: 64}
              decoder: {type: mlp, hidden: [200], dropout: 0.2}
            likelihood: {type: bernoulli}
            train: {epochs: 2, batch_size: 64, log_every_steps: 2}
            eval: {iwae_samples: 5}
            """;

    @TempDir
    Path work;

    @Test
    void oneTwoAndFourThreadsWriteTheSameMetrics() throws Exception {
        Path spec = TestSpecs.write(work, "threads.yaml", SPEC);
        byte[] first = null;
        for (String threads : List.of("1", "2", "4")) {
            Path runs = work.resolve("runs-" + threads);
            ProcessBuilder launch = CommandLineRunner.process(work.resolve("vae-" + threads + ".log"), List.of(), "run",
                    spec.toString(), "--runs-dir", runs.toString(), "--no-progress");
            launch.environment().put("VAE_THREADS", threads);
            Process vae = launch.start();
            assertTrue(vae.waitFor(300, TimeUnit.SECONDS), "the run with " + threads + " threads ends");
            assertEquals(0, vae.exitValue(), Files.readString(work.resolve("vae-" + threads + ".log")));
            Path run = runDirectory(runs);
            String recorded = new ObjectMapper().readTree(run.resolve("provenance.json").toFile())
                    .path("threads").path("training").asText();
            assertEquals(threads, recorded, "the thread count in provenance.json");
            byte[] metrics = Files.readAllBytes(run.resolve("metrics.csv"));
            assertTrue(metrics.length > 1000, "metrics were written");
            if (first == null) {
                first = metrics;
            } else {
                assertArrayEquals(first, metrics, "metrics.csv with " + threads + " threads against 1 thread");
            }
        }
    }

    private static Path runDirectory(Path runs) throws Exception {
        try (Stream<Path> files = Files.walk(runs)) {
            return files.filter(p -> p.getFileName().toString().equals("metrics.csv")).findFirst().orElseThrow()
                    .getParent();
        }
    }
}
