package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * Secrets planted in environment variables that a spec interpolates, a password in the tracking
 * URI and a folder name in the data path, are used by the run (it reads its data there and sends
 * the password to the server) and never written down: they appear in no MLflow param, tag or
 * artifact, in no file of the run directory and in nothing {@code vae} prints, while the values
 * the spec spells out appear as they are. {@code vae sync} reads the variables again.
 */
class EnvironmentSecretsTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path work;

    @Test
    void valuesFromTheEnvironmentReachNeitherMlflowNorTheRunDirectory() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        String folderName = "folder-" + UUID.randomUUID();
        Path data = Files.createDirectories(work.resolve(folderName));
        for (String file : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.createSymbolicLink(data.resolve(file), FASHION.resolve(file));
        }
        String server = MLFLOW.server().uri().substring("http://".length());
        Path spec = TestSpecs.write(work, "secrets.yaml", TestSpecs.TINY_FASHION.replace("name: tiny", "name: secrets")
                .replace("variant: fashion,", "variant: fashion, path: '${VAELAB_TEST_DATA}',")
                .replace("epochs: 1", "epochs: '${VAELAB_TEST_EPOCHS:-1}'")
                + "tracking: [{type: mlflow, uri: 'http://vaelab:${VAELAB_TEST_PASSWORD}@" + server + "'}]\n");
        Map<String, String> environment = Map.of("VAELAB_TEST_PASSWORD", password, "VAELAB_TEST_DATA", data.toString());

        String printed = vae(environment, "run", spec.toString(), "--runs-dir", work.resolve("runs").toString());
        Path run;
        try (Stream<Path> runs = Files.list(work.resolve("runs/secrets"))) {
            run = runs.findFirst().orElseThrow();
        }
        String runId = new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("run_id").asText();
        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), "secrets", runId).orElseThrow();
        assertEquals("FINISHED", record.status());
        assertTrue(record.params().keySet().stream().noneMatch(key -> key.startsWith("tracking")),
                "where results go is not a param: " + record.params().keySet());
        assertEquals("${VAELAB_TEST_DATA}", record.params().get("data.path"));
        assertEquals("1", record.params().get("train.epochs"), "the default of an unset variable is spelled out");
        assertEquals("4", record.params().get("model.latent_dim"));
        assertEquals("[64]", record.params().get("model.encoder.hidden"));

        assertNoSecretIn(printed, record, run, password, folderName);

        String synced = vae(environment, "sync", run.toString());
        assertTrue(Pattern.compile(Pattern.quote(run + ": sent ") + "(\\d+) of \\1 events")
                .matcher(synced).find(), synced);
    }

    @Test
    void aPasswordInASetTrackingUriReachesNeitherTheRunNameNorAnyFile() throws Exception {
        String password = "pw-" + UUID.randomUUID();
        String server = MLFLOW.server().uri().substring("http://".length());
        Path spec = TestSpecs.write(work, "set-secret.yaml",
                TestSpecs.TINY_FASHION.replace("name: tiny", "name: set-secret"));

        String printed = vae(Map.of(), "run", spec.toString(), "--runs-dir", work.resolve("runs").toString(), "--set",
                "tracking=[{type: mlflow, uri: \"http://alice:" + password + "@" + server
                        + "\", experiment: set-secret}]");
        Path run;
        try (Stream<Path> runs = Files.list(work.resolve("runs/set-secret"))) {
            run = runs.findFirst().orElseThrow();
        }
        String runId = new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("run_id").asText();
        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), "set-secret", runId).orElseThrow();
        assertEquals("FINISHED", record.status(), "the run used the password");
        assertTrue(record.runName().matches("set-secret \\([0-9a-f]{8}\\)"),
                "a tracker set on the command line is not part of the run's name: " + record.runName());
        assertNoSecretIn(printed, record, run, password, "alice");
    }

    /**
     * Neither secret is in what {@code vae} printed, in the run's MLflow params, tags and artifacts, nor in its files.
     */
    private static void assertNoSecretIn(String printed, MlflowRecord record, Path run,
            String... secrets) throws IOException {
        List<String> places = new ArrayList<>();
        places.add(printed);
        places.add(record.runName());
        places.add(record.params().toString());
        places.add(record.tags().toString());
        for (String artifact : record.artifacts().keySet()) {
            places.add(new String(record.artifact(artifact), StandardCharsets.ISO_8859_1));
        }
        try (Stream<Path> files = Files.walk(run)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                places.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(places.size() > 10, "the run printed, logged and wrote files");
        for (String place : places) {
            for (String secret : secrets) {
                assertFalse(place.contains(secret), "a secret in:\n" + place);
            }
        }
    }

    /** {@code vae ARGUMENTS} as a process with {@code environment} added to this one's; what it printed. */
    private String vae(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "vae", ".log");
        ProcessBuilder builder = CommandLineRunner.process(log, List.of(), arguments);
        builder.environment().putAll(environment);
        Process vae = builder.start();
        assertTrue(vae.waitFor(300, TimeUnit.SECONDS), "vae " + arguments[0] + " ends");
        String printed = Files.readString(log);
        assertEquals(0, vae.exitValue(), printed);
        return printed;
    }
}
