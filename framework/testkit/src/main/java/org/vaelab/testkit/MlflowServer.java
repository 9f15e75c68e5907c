package org.vaelab.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MLflow tracking server for tests: {@code mlflow server} from the project's virtual
 * environment ({@code scripts/setup-mlflow} creates {@code .venv/mlflow}), on 127.0.0.1 at a free
 * port, with a SQLite store and proxied artifacts in a folder of its own. It can be stopped,
 * restarted on the same port and store, killed, frozen (SIGSTOP) and thawed, to test faults.
 */
public final class MlflowServer implements AutoCloseable {

    /** System property naming the {@code mlflow} executable; set by the build to the project's venv. */
    public static final String EXECUTABLE_PROPERTY = "vaelab.mlflow";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path executable;
    private final Path folder;
    private final int port;
    private Process process;

    private MlflowServer(Path executable, Path folder, int port) {
        this.executable = executable;
        this.folder = folder;
        this.port = port;
    }

    /** Starts a server storing everything under {@code folder}; returns once {@code /health} answers. */
    public static MlflowServer start(Path folder) throws IOException {
        String configured = System.getProperty(EXECUTABLE_PROPERTY, "");
        Path executable = Path.of(configured);
        if (configured.isEmpty() || !Files.isExecutable(executable)) {
            throw new IllegalStateException("no MLflow server executable at '" + configured + "' (system property "
                    + EXECUTABLE_PROPERTY + "); run scripts/test, which installs MLflow into .venv/mlflow");
        }
        MlflowServer server = new MlflowServer(executable, folder, freePort());
        server.startProcess();
        return server;
    }

    /** The tracking URI, {@code http://127.0.0.1:PORT}. */
    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the server and its workers (SIGTERM, then SIGKILL). */
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = tree();
        all.forEach(ProcessHandle::destroy);
        all.forEach(p -> p.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join());
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /** Kills the server and its workers at once (SIGKILL), as a crash would. */
    public void kill() {
        if (process != null) {
            List<ProcessHandle> all = tree();
            all.forEach(ProcessHandle::destroyForcibly);
            all.forEach(p -> p.onExit().join());
            process = null;
        }
    }

    /** Starts the server again on the same port and store. */
    public void restart() throws IOException {
        stop();
        startProcess();
    }

    /** Freezes every process of the server (SIGSTOP): connections are accepted but never answered. */
    public void freeze() throws IOException {
        signal("STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void thaw() throws IOException {
        signal("CONT");
    }

    @Override
    public void close() {
        stop();
    }

    private void startProcess() throws IOException {
        Files.createDirectories(folder.resolve("artifacts"));
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "server", "--host", "127.0.0.1", "--port",
                Integer.toString(port),
                "--workers", "1", "--backend-store-uri", "sqlite:///" + folder.resolve("mlflow.db").toAbsolutePath(),
                "--serve-artifacts", "--artifacts-destination", folder.resolve("artifacts").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("server.log").toFile()));
        // as scripts/mlflow-server: no usage reports from tests
        builder.environment().put("MLFLOW_DISABLE_TELEMETRY", "true");
        builder.environment().put("DO_NOT_TRACK", "true");
        process = builder.start();
        awaitHealthy();
    }

    private void awaitHealthy() throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mlflow server exited with " + process.exitValue() + "; see "
                        + folder.resolve("server.log"));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(uri() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the MLflow server", e);
            }
            sleep(250);
        }
        stop();
        throw new IOException("mlflow server did not become healthy within " + START_TIMEOUT + "; see "
                + folder.resolve("server.log"));
    }

    private void signal(String name) throws IOException {
        for (ProcessHandle handle : tree()) {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(handle.pid())).start();
            try {
                kill.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private List<ProcessHandle> tree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
