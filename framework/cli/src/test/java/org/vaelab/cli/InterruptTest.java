package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServer;

/**
 * Ctrl-C during training: {@code vae run} in its own process gets SIGINT, exits with 130, and the
 * run is marked KILLED in its run directory and in MLflow, with every metric logged so far. The
 * process has an MLflow token in its environment, which appears in no file of the run and no log.
 */
class InterruptTest {

    @TempDir
    Path work;

    @Test
    void sigintMarksTheRunKilledEverywhereAndKeepsItsMetrics() throws Exception {
        assertFalse(sigintIgnored(), "SIGINT is ignored in this process, so vae inherits that and rightly ignores "
                + "Ctrl-C (a shell starts background jobs that way when job control is off): run the tests in the "
                + "foreground, or with 'set -m'");
        try (MlflowServer server = MlflowServer.start(work.resolve("mlflow"))) {
            String spec = TestSpecs.SMALL_FASHION.replace("name: slice", "name: interrupted")
                    .replace("epochs: 2", "epochs: 5000, log_every_steps: 5")
                    + "tracking: [{type: mlflow, uri: '" + server.uri() + "'}]\n";
            Path specFile = TestSpecs.write(work, "interrupted.yaml", spec);
            String token = "planted-token-" + System.nanoTime();
            ProcessBuilder launch = CommandLineRunner.process(work.resolve("vae.log"), List.of(), "run",
                    specFile.toString(), "--runs-dir", work.resolve("runs").toString());
            launch.environment().put("MLFLOW_TRACKING_TOKEN", token);
            Process vae = launch.start();
            Path runDirectory = RunProgress.awaitEpoch(work.resolve("runs/interrupted"), 1, vae,
                    work.resolve("vae.log"));
            new ProcessBuilder("kill", "-INT", Long.toString(vae.pid())).start().waitFor();
            assertTrue(vae.waitFor(120, TimeUnit.SECONDS), "vae stops after SIGINT");
            assertEquals(130, vae.exitValue(), Files.readString(work.resolve("vae.log")));

            JsonNode provenance = new ObjectMapper().readTree(runDirectory.resolve("provenance.json").toFile());
            assertEquals("KILLED", provenance.path("status").asText());
            MlflowRecord record = MlflowRecord.find(server.uri(), "interrupted", provenance.path("run_id").asText())
                    .orElseThrow();
            assertEquals("KILLED", record.status());
            long rows = Files.readAllLines(runDirectory.resolve("metrics.csv")).size() - 1
                    + Files.readAllLines(runDirectory.resolve("timing.csv")).size() - 1;
            assertTrue(rows > 0);
            assertEquals(rows, record.points().stream().filter(point -> !point.key().startsWith("system/")).count(),
                    "every metric logged before Ctrl-C is in MLflow (and the tracker's own system metrics)");
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(work.resolve("mlflow")))
                        .toList()) {
                    assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(token),
                            "the token is not in " + file);
                }
            }
        }
    }

    /**
     * Whether this process ignores SIGINT (bit 2 of SigIgn in Linux's /proc/self/status), as vae's process then would
     * too.
     */
    private static boolean sigintIgnored() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseLong(line.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> (mask & (1L << 1)) != 0);
    }
}
