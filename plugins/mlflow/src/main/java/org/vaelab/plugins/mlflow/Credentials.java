package org.vaelab.plugins.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * MLflow credentials from the environment variables MLflow's own clients read
 * ({@code MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} and
 * {@code MLFLOW_TRACKING_PASSWORD}). They go into request headers only: {@link #toString()}
 * never shows them.
 */
final class Credentials {

    private final String token;
    private final String username;
    private final String password;

    private Credentials(String token, String username, String password) {
        this.token = token;
        this.username = username;
        this.password = password;
    }

    static Credentials fromEnvironment(UnaryOperator<String> environment) {
        return new Credentials(environment.apply("MLFLOW_TRACKING_TOKEN"), environment.apply("MLFLOW_TRACKING_USERNAME"),
                environment.apply("MLFLOW_TRACKING_PASSWORD"));
    }

    String token() {
        return token;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** The value of an {@code Authorization} header, if there are credentials. */
    Optional<String> authorization() {
        if (token != null && !token.isEmpty()) {
            return Optional.of("Bearer " + token);
        }
        if (username != null && password != null) {
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return authorization().isPresent() ? "credentials(redacted)" : "no credentials";
    }
}
