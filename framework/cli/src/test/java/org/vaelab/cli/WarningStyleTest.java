package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A logged warning (the MLflow tracker's, say) reads as every other line {@code vae} prints:
 * {@code warning: ...}, without a time or a logger's name.
 */
class WarningStyleTest {

    @Test
    void aLoggedWarningIsOnePlainLine() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger("org.vaelab.plugins.mlflow.EventSender")
                    .warn("mlflow: {} ({}); training goes on", "the server did not answer", "connection refused");
        } finally {
            System.setErr(original);
        }
        assertEquals("warning: mlflow: the server did not answer (connection refused); training goes on"
                + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
    }
}
