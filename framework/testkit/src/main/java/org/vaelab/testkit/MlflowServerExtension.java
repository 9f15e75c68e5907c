package org.vaelab.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real {@link MlflowServer} for all tests of a class, started before the first and stopped
 * (its folder deleted) after the last:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MlflowServerExtension MLFLOW = new MlflowServerExtension();
 * ... MlflowRecord.find(MLFLOW.server().uri(), ...)
 * }</pre>
 */
public final class MlflowServerExtension implements BeforeAllCallback, AfterAllCallback {

    private Path folder;
    private MlflowServer server;

    /** The running server. */
    public MlflowServer server() {
        if (server == null) {
            throw new IllegalStateException("the MLflow server starts before the first test of the class");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("vaelab-mlflow-");
        server = MlflowServer.start(folder);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
