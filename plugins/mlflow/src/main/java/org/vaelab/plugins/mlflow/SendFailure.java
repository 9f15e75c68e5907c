package org.vaelab.plugins.mlflow;

/**
 * A request to MLflow that did not succeed. Retryable failures (no connection, a timeout, HTTP 429
 * or 5xx) are tried again with backoff; others (such as 403 or a bad request) stop sending.
 */
final class SendFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final boolean unreachable;

    SendFailure(String message, boolean retryable, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.unreachable = unreachable;
    }

    /** Whether trying again later may succeed. */
    boolean retryable() {
        return retryable;
    }

    /** Whether the server could not be connected to at all. */
    boolean unreachable() {
        return unreachable;
    }
}
