package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * {@code vae sync} says per run what arrived: exit 0 and how many events when all did, exit 1 and
 * "not synced" with what happened when a server was down, failed (HTTP 500) or was not MLflow (an
 * answer that is not JSON); syncing twice leaves MLflow as syncing once; a journal cut in the
 * middle of its last line (a crash mid-append) syncs with a warning, a bad line elsewhere is
 * refused. One run, made while its server was away, is copied for each test with its recorded
 * spec pointed at the server under test.
 */
class SyncCommandTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    @TempDir
    static Path work;

    private static Path offlineRun;
    private static String deadUri;

    @TempDir
    Path copies;

    @BeforeAll
    static void runWhileTheServerIsAway() throws IOException {
        deadUri = "http://127.0.0.1:" + freePort();
        String spec = TestSpecs.TINY_2D + "tracking: [{type: mlflow, uri: '" + deadUri
                + "', request_timeout_seconds: 5, flush_timeout_seconds: 60}]\n";
        Path specFile = TestSpecs.write(work, "tiny2d.yaml", spec);
        CommandLineRunner.Outcome run = CommandLineRunner.vae("run", specFile.toString(), "--runs-dir",
                work.resolve("runs").toString());
        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> runs = Files.list(work.resolve("runs/tiny2d"))) {
            offlineRun = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void aSyncThatArrivesSaysHowManyEventsAndTwiceEqualsOnce() throws IOException {
        Path run = copy("twice", MLFLOW.server().uri(), 60);
        CommandLineRunner.Outcome first = CommandLineRunner.vae("sync", run.toString());
        assertEquals(0, first.exitCode(), first.err());
        long events = journalEvents(run);
        assertTrue(first.out().contains(run + ": sent " + events + " of " + events + " events to mlflow at "
                + MLFLOW.server().uri()), first.out());
        Snapshot once = Snapshot.of(run);

        CommandLineRunner.Outcome second = CommandLineRunner.vae("sync", run.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(once, Snapshot.of(run), "a second sync changes nothing: no metric point twice");
    }

    @Test
    void aServerThatIsDownIsNotSynced() throws IOException {
        Path run = copy("down", deadUri, 60);
        CommandLineRunner.Outcome sync = CommandLineRunner.vae("sync", run.toString());
        assertEquals(1, sync.exitCode(), sync.out() + sync.err());
        assertNotSynced(sync, run, deadUri, "cannot connect");
        assertFalse(sync.out().contains(" sent "), sync.out());
    }

    /**
     * Answers the real server cannot be made to give: HTTP 500 to every request, and a web page
     * instead of JSON (something that is not MLflow at the address).
     */
    static Stream<Arguments> faultyServers() {
        return Stream.of(
                Arguments.of("failing", 500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"database "
                        + "is locked\"}", "HTTP 500"),
                Arguments.of("page", 200, "<html><body>It works!</body></html>", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultyServers")
    void aServerThatDoesNotAnswerAsMlflowIsNotSynced(String name, int status, String body, String problem)
            throws IOException {
        HttpServer server = fakeServer(status, body);
        try {
            String uri = "http://127.0.0.1:" + server.getAddress().getPort();
            Path run = copy(name, uri, 2);
            CommandLineRunner.Outcome sync = CommandLineRunner.vae("sync", run.toString());
            assertEquals(1, sync.exitCode(), sync.out() + sync.err());
            assertNotSynced(sync, run, uri, problem);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aCutLastLineIsSkippedWithAWarning() throws IOException {
        Path run = copy("cut", MLFLOW.server().uri(), 60);
        Path journal = run.resolve("journal.jsonl");
        long events = journalEvents(run);
        byte[] cut = "{\"event\":\"metrics\",\"step\":99,\"values\":{\"train/lo".getBytes(StandardCharsets.UTF_8);
        Files.write(journal, cut, StandardOpenOption.APPEND);
        CommandLineRunner.Outcome sync = CommandLineRunner.vae("sync", run.toString());
        assertEquals(0, sync.exitCode(), sync.err());
        assertTrue(sync.err().contains("warning: " + journal + ": skipped a cut last line (" + cut.length + " bytes)"),
                sync.err());
        assertTrue(sync.out().contains(": sent " + events + " of " + events + " events"), sync.out());
    }

    @Test
    void aBadLineInTheMiddleIsRefusedWithItsNumber() throws IOException {
        Path run = copy("bad", MLFLOW.server().uri(), 60);
        Path journal = run.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        lines.set(2, lines.get(2).substring(0, lines.get(2).length() / 2));
        Files.write(journal, lines);
        CommandLineRunner.Outcome sync = CommandLineRunner.vae("sync", run.toString());
        assertEquals(2, sync.exitCode(), sync.out() + sync.err());
        assertTrue(sync.err().contains(journal + " line 3: not a journal event"), sync.err());
        assertFalse(sync.err().contains("\tat "), sync.err());
    }

    private static void assertNotSynced(CommandLineRunner.Outcome sync, Path run, String uri,
            String what) throws IOException {
        String line = sync.err().lines().filter(l -> l.startsWith(run + ": not synced: mlflow at " + uri + ": "))
                .findFirst().orElseThrow(() -> new AssertionError(sync.err()));
        assertTrue(line.contains(what), line);
        assertTrue(line.endsWith(" (0 of " + journalEvents(run)
                + " events sent); run vae sync again when the server is back"), line);
        assertFalse(sync.err().contains("\tat "), "no stack trace: " + sync.err());
    }

    /** A copy of the offline run whose recorded spec sends to {@code uri}, waiting {@code flushSeconds} at the end. */
    private Path copy(String name, String uri, int flushSeconds) throws IOException {
        Path copy = copies.resolve(name);
        try (Stream<Path> files = Files.walk(offlineRun)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(offlineRun.relativize(file).toString()));
            }
        }
        Path spec = copy.resolve("spec.resolved.yaml");
        String text = Files.readString(spec);
        assertTrue(text.contains(deadUri) && text.contains("flush_timeout_seconds: 60"), text);
        Files.writeString(spec, text.replace(deadUri, uri).replace("flush_timeout_seconds: 60",
                "flush_timeout_seconds: " + flushSeconds));
        return copy;
    }

    private static long journalEvents(Path run) throws IOException {
        return Files.readAllLines(run.resolve("journal.jsonl")).stream().filter(l -> !l.isBlank()).count();
    }

    private static HttpServer fakeServer(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What MLflow holds of a run: status, params, tags, every metric point, every artifact's bytes. */
    private record Snapshot(String status, Map<String, String> params, Map<String, String> tags,
            List<MlflowRecord.Point> points, Map<String, String> artifacts) {

        static Snapshot of(Path run) throws IOException {
            String runId = new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("run_id").asText();
            MlflowRecord record = MlflowRecord.find(MLFLOW.server().uri(), "tiny2d", runId).orElseThrow();
            Map<String, String> artifacts = new TreeMap<>();
            for (String path : record.artifacts().keySet()) {
                artifacts.put(path, HexFormat.of().formatHex(sha256(record.artifact(path))));
            }
            return new Snapshot(record.status(), record.params(), record.tags(), record.points(), artifacts);
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
