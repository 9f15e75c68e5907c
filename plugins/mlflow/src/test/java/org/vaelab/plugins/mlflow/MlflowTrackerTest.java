package org.vaelab.plugins.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vaelab.spi.track.Delivery;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrainedModel;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * The MLflow tracker against a real MLflow server: what MLflow holds equals what was logged (a
 * run's trained model as a logged model, its pictures as image series), and faults of the server
 * (killed and restarted, frozen, unreachable, refusing) lose nothing and never make the caller wait.
 */
class MlflowTrackerTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    @TempDir
    Path runDirectory;

    @Test
    void mlflowHoldsExactlyWhatWasLogged() throws IOException {
        TrackerScript script = new TrackerScript(runDirectory, 1200);
        MlflowTracker tracker = tracker(MLFLOW.server().uri(), Map.of(), 60);
        tracker.start(script.run);
        for (int step = 1; step <= 1200; step++) {
            tracker.logMetrics(script.valuesAt(step), step, 1, script.timestampAt(step));
        }
        script.artifacts.forEach((path, file) -> tracker.logArtifact(file, path));
        tracker.end(RunStatus.FINISHED);

        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), TrackerScript.EXPERIMENT, script.run.runId())
                .orElseThrow();
        assertEquals("FINISHED", record.status());
        assertEquals("script-run", record.runName());
        assertEquals(script.run.params(), record.params());
        assertEquals(script.sortedPoints(), record.points(), "every point, once, with its step, value and timestamp");
        Map<String, String> tags = record.tags();
        assertEquals(script.run.runId(), tags.get("vaelab.run_id"));
        assertEquals("abc123", tags.get("vaelab.spec_sha256"));
        assertEquals("configs/x.yaml", tags.get("mlflow.source.name"));
        assertEquals("LOCAL", tags.get("mlflow.source.type"));
        assertEquals(System.getProperty("user.name"), tags.get("mlflow.user"));
        assertEquals(List.of(Map.of("name", "mnist", "digest", "0123456789abcdef")), record.datasets());
        assertEquals(script.artifacts.keySet(), record.artifacts().keySet());
        for (Map.Entry<String, Path> artifact : script.artifacts.entrySet()) {
            assertArrayEquals(Files.readAllBytes(artifact.getValue()), record.artifact(artifact.getKey()),
                    artifact.getKey());
        }
    }

    /**
     * Samples every second land under MLflow's system metric names at steps 0, 1, 2, ..., beside
     * the run's own points; memory in megabytes and in percent agree with this machine's MemTotal;
     * the run's address opens it in the runs view; the experiment has a description.
     */
    @Test
    void systemMetricsTheRunsAddressAndTheExperimentsDescription() throws IOException, InterruptedException {
        TrackerScript script = new TrackerScript(runDirectory, 4);
        String uri = MLFLOW.server().uri();
        MlflowTracker tracker = new MlflowTracker(new MlflowConfig(null, uri, 5, 60, 1, null), uri,
                Credentials.of(Map.<String, String>of()::get, URI.create(uri)));
        tracker.start(script.run);
        for (int step = 1; step <= 4; step++) {
            tracker.logMetrics(script.valuesAt(step), step, 1, script.timestampAt(step));
            Thread.sleep(900);
        }
        tracker.end(RunStatus.FINISHED);
        String link = tracker.link().orElseThrow();

        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), TrackerScript.EXPERIMENT, script.run.runId())
                .orElseThrow();
        assertEquals(MLFLOW.server().uri() + "/#/experiments/" + record.experimentId() + "/runs/" + record.runId()
                + "?workflowType=machine_learning", link);
        List<MlflowRecord.Point> points = record.points();
        assertEquals(script.sortedPoints(), points.stream().filter(p -> !p.key().startsWith("system/")).toList());
        List<MlflowRecord.Point> cpu = points.stream()
                .filter(p -> p.key().equals("system/cpu_utilization_percentage")).toList();
        assertTrue(cpu.size() >= 2, "a sample a second: " + points);
        for (int i = 0; i < cpu.size(); i++) {
            assertEquals(i, cpu.get(i).step(), "steps 0, 1, 2, ... as MLflow's monitor logs them");
            assertTrue(cpu.get(i).value() >= 0 && cpu.get(i).value() <= 100, cpu.get(i).toString());
        }
        double memTotalMegabytes = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .mapToLong(line -> Long.parseLong(line.split("\\s+")[1])).findFirst().orElseThrow() * 1024 / 1e6;
        List<MlflowRecord.Point> megabytes = points.stream()
                .filter(p -> p.key().equals("system/system_memory_usage_megabytes")).toList();
        List<MlflowRecord.Point> percent = points.stream()
                .filter(p -> p.key().equals("system/system_memory_usage_percentage")).toList();
        assertEquals(cpu.size(), megabytes.size());
        for (int i = 0; i < megabytes.size(); i++) {
            assertEquals(memTotalMegabytes * percent.get(i).value() / 100, megabytes.get(i).value(),
                    1e-9 * memTotalMegabytes);
        }
        for (String key : List.of("system/process_resident_memory_megabytes", "system/jvm_heap_used_megabytes")) {
            assertEquals(cpu.size(), points.stream().filter(p -> p.key().equals(key) && p.value() > 0).count(), key);
        }
        assertEquals(cpu.size(), points.stream().filter(p -> p.key().equals("system/process_cpu_utilization_percentage")
                && p.value() >= 0).count());
        assertTrue(MlflowRecord.experimentTags(MLFLOW.server().uri(), TrackerScript.EXPERIMENT)
                .getOrDefault("mlflow.note.content", "").startsWith("VAELab runs of the spec or study named"));
    }

    @Test
    void aServerKilledAndRestartedMidRunLosesNothingAndDuplicatesNothing() throws IOException {
        TrackerScript script = new TrackerScript(runDirectory, 300);
        MlflowTracker tracker = tracker(MLFLOW.server().uri(), Map.of(), 120);
        tracker.start(script.run);
        for (int step = 1; step <= 300; step++) {
            if (step == 100) {
                MLFLOW.server().kill();
            }
            if (step == 200) {
                MLFLOW.server().restart();
            }
            tracker.logMetrics(script.valuesAt(step), step, 1, script.timestampAt(step));
        }
        tracker.end(RunStatus.FINISHED);

        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), TrackerScript.EXPERIMENT, script.run.runId())
                .orElseThrow();
        assertEquals("FINISHED", record.status());
        assertEquals(script.sortedPoints(), record.points());
    }

    @Test
    void aFrozenServerNeverBlocksTheCallerAndCatchesUpWhenThawed() throws IOException {
        TrackerScript script = new TrackerScript(runDirectory, 200);
        MlflowTracker tracker = tracker(MLFLOW.server().uri(), Map.of(), 120);
        tracker.start(script.run);
        MLFLOW.server().freeze();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int step = 1; step <= 200; step++) {
                    tracker.logMetrics(script.valuesAt(step), step, 1, script.timestampAt(step));
                }
            }, "logging returns while the server is frozen");
        } finally {
            MLFLOW.server().thaw();
        }
        tracker.end(RunStatus.FINISHED);

        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), TrackerScript.EXPERIMENT, script.run.runId())
                .orElseThrow();
        assertEquals(script.sortedPoints(), record.points());
    }

    @Test
    void anUnreachableServerCostsSecondsAndOneClearLineWithoutTheToken() throws IOException {
        TrackerScript script = new TrackerScript(runDirectory, 20);
        String token = "planted-secret-" + System.nanoTime();
        String log = logOf(() -> {
            MlflowTracker tracker = tracker("http://127.0.0.1:9", Map.of("MLFLOW_TRACKING_TOKEN", token), 600);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                tracker.start(script.run);
                for (int step = 1; step <= 20; step++) {
                    tracker.logMetrics(script.valuesAt(step), step, 1, script.timestampAt(step));
                }
                tracker.end(RunStatus.FINISHED);
            });
        });
        assertTrue(log.contains("cannot reach http://127.0.0.1:9"), log);
        assertTrue(log.contains("vae sync"), log);
        assertFalse(log.contains(token), "the token never appears in logs");
        assertFalse(log.contains("Exception"), "no stack trace: " + log);
        assertEquals(2, log.lines().count(), "one line when it fails, one when it gives up: " + log);
    }

    /**
     * A server that accepts connections and never answers (a hung proxy; the real server cannot be
     * made to show this) holds the end of the run until three requests went unanswered, not for
     * the flush timeout of an hour, and the delivery says nothing was sent and why.
     */
    @Test
    void aServerThatNeverAnswersGivesUpTheFlushEarly() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String uri = "http://127.0.0.1:" + silent.getLocalPort();
            TrackerScript script = new TrackerScript(runDirectory, 10);
            MlflowTracker tracker = new MlflowTracker(new MlflowConfig(null, uri, 1, 3600, 0, null), uri,
                    Credentials.of(Map.<String, String>of()::get, URI.create(uri)));
            String log = logOf(() -> assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                tracker.start(script.run);
                for (int step = 1; step <= 10; step++) {
                    tracker.logMetrics(script.valuesAt(step), step, 1, script.timestampAt(step));
                }
                tracker.end(RunStatus.FINISHED);
            }, "a flush timeout of an hour does not hold the run's end"));
            Delivery delivery = tracker.delivery().orElseThrow();
            String why = "get or create experiment tracker-tests: no answer within 1 s";
            assertEquals(new Delivery("mlflow at " + uri, 0, 12, why), delivery);
            assertTrue(log.contains("12 events of this run were not sent to " + uri + " (" + why + ")"), log);
            assertFalse(accepted.isEmpty(), "the server took the requests: it is silent, not unreachable");
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    /** A server that refuses every request (403), as one without permission for the experiment would. */
    @Test
    void aRefusingServerStopsSendingAtOnceWithOneClearLine() throws IOException {
        HttpServer refusing = HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            byte[] body = "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"no access to experiment\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        try {
            String uri = "http://127.0.0.1:" + refusing.getAddress().getPort();
            TrackerScript script = new TrackerScript(runDirectory, 10);
            String log = logOf(() -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                MlflowTracker tracker = tracker(uri, Map.of(), 600);
                tracker.start(script.run);
                for (int step = 1; step <= 10; step++) {
                    tracker.logMetrics(script.valuesAt(step), step, 1, script.timestampAt(step));
                }
                tracker.end(RunStatus.FINISHED);
            }));
            assertTrue(log.contains("HTTP 403"), log);
            assertTrue(log.contains("no access to experiment"), log);
            assertFalse(log.contains("Exception"), "no stack trace: " + log);
            assertEquals(2, log.lines().count(), "what failed, then what was not sent: " + log);
        } finally {
            refusing.stop(0);
        }
    }

    /**
     * A run's trained model and its pictures over training: one MLflow 3 logged model per run,
     * READY, with the run as its source and output, the run's params, its files and its metrics
     * linked to it and to the data; registered when asked; the pictures where MLflow's image
     * logging puts them. A second replay of the same events creates nothing more.
     */
    @Test
    void aFinishedRunsModelIsALoggedModelWithItsMetricsRegisteredOnceAndItsPicturesAreImageSeries()
            throws IOException {
        TrackerScript script = new TrackerScript(runDirectory, 2);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("MLmodel", Files.writeString(runDirectory.resolve("MLmodel"), "flavors:\n  vaelab: {}\n"));
        files.put("checkpoints/final.fb", script.artifacts.get("images/samples.png"));
        TrainedModel model = new TrainedModel("script-model", files, Map.of("test/elbo", -251.5, "test/kl", 20.25),
                2);
        Path picture = Files.write(runDirectory.resolve("reconstructions.png"), new byte[] {1, 2, 3});
        for (int replay = 0; replay < 2; replay++) {
            MlflowTracker tracker = registering("vae-versions");
            tracker.start(script.run);
            tracker.logMetrics(script.valuesAt(1), 1, 1, script.timestampAt(1));
            tracker.logImage(picture, "reconstructions", 1, 1_700_000_000_100L);
            tracker.logImage(picture, "reconstructions", 2, 1_700_000_000_200L);
            tracker.logModel(model);
            tracker.end(RunStatus.FINISHED);
            assertTrue(tracker.delivery().orElseThrow().complete(), tracker.delivery().toString());
        }

        MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), TrackerScript.EXPERIMENT, script.run.runId())
                .orElseThrow();
        List<JsonNode> models = record.loggedModels();
        assertEquals(1, models.size(), "one logged model, however often the run is replayed: " + models);
        JsonNode info = models.get(0).path("info");
        String modelId = info.path("model_id").asText();
        assertEquals("LOGGED_MODEL_READY", info.path("status").asText());
        assertEquals("script-model", info.path("name").asText());
        assertEquals(LoggedModels.MODEL_TYPE, info.path("model_type").asText());
        assertEquals(List.of(modelId), record.modelOutputs(), "the run lists the model as its output");
        Map<String, String> params = new TreeMap<>();
        models.get(0).path("data").path("params").forEach(p -> params.put(p.path("key").asText(),
                p.path("value").asText()));
        assertEquals(new TreeMap<>(script.run.params()), params, "all 150 params, past a batch of 100");
        Map<String, Double> metrics = new TreeMap<>();
        for (JsonNode metric : models.get(0).path("data").path("metrics")) {
            metrics.put(metric.path("key").asText(), metric.path("value").asDouble());
            assertEquals(modelId, metric.path("model_id").asText());
            assertEquals(2, metric.path("step").asLong());
            assertEquals("mnist", metric.path("dataset_name").asText());
            assertEquals("0123456789abcdef", metric.path("dataset_digest").asText(), "the data's digest");
        }
        assertEquals(new TreeMap<>(model.metrics()), metrics);
        for (Map.Entry<String, Path> file : files.entrySet()) {
            assertArrayEquals(Files.readAllBytes(file.getValue()), record.loggedModelArtifact(models.get(0),
                    file.getKey()), file.getKey());
        }

        List<JsonNode> versions = MlflowRecord.modelVersions(MLFLOW.server().uri(), "vae-versions");
        assertEquals(1, versions.size(), "one version, however often the run is replayed: " + versions);
        assertEquals("models:/" + modelId, versions.get(0).path("source").asText());
        assertEquals(record.runId(), versions.get(0).path("run_id").asText());

        Set<String> images = new TreeSet<>();
        record.artifacts().keySet().stream().filter(path -> path.startsWith("images/reconstructions+"))
                .forEach(images::add);
        String first = ImageSeries.stem(script.run.runId(), "reconstructions", 1, 1_700_000_000_100L);
        String second = ImageSeries.stem(script.run.runId(), "reconstructions", 2, 1_700_000_000_200L);
        assertEquals(Set.of(first + ".png", first + "+compressed.png", second + ".png", second + "+compressed.png"),
                images, "each step once, as the UI's image slider reads them");
        assertTrue(first.startsWith("images/reconstructions+step+1+timestamp+1700000000100+"), first);
        assertArrayEquals(new byte[] {1, 2, 3}, record.artifact(second + ".png"));
        assertEquals("true", record.tags().get(ImageSeries.TAG));
    }

    private static MlflowTracker registering(String registerModel) {
        String uri = MLFLOW.server().uri();
        return new MlflowTracker(new MlflowConfig(null, uri, 30, 120, 0, registerModel), uri,
                Credentials.of(Map.<String, String>of()::get, URI.create(uri)));
    }

    private static MlflowTracker tracker(String uri, Map<String, String> environment, int flushSeconds) {
        return new MlflowTracker(new MlflowConfig(null, uri, 5, flushSeconds, 0, null), uri,
                Credentials.of(environment::get, URI.create(uri)));
    }

    /** What the tracker logged (every level) while {@code action} ran. */
    private static String logOf(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger("org.vaelab.plugins.mlflow");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent event : appender.list) {
            out.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                out.append(event.getThrowableProxy().getClassName()).append('\n');
            }
        }
        return out.toString();
    }
}
