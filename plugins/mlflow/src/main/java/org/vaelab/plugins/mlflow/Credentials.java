package org.vaelab.plugins.mlflow;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * MLflow credentials from the environment variables MLflow's own clients read
 * ({@code MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} and
 * {@code MLFLOW_TRACKING_PASSWORD}), else from the tracking URI's {@code user:password@}. They go
 * into request headers only: {@link #toString()} never shows them, and the URI the tracker uses,
 * and names in its messages, is {@link #withoutUserInfo stripped} of them.
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

    /**
     * The credentials of the environment's variables when it has any, else those of {@code uri}'s
     * user information when it is {@code user:password} (percent-decoded).
     */
    static Credentials of(UnaryOperator<String> environment, URI uri) {
        Credentials fromEnvironment = new Credentials(environment.apply("MLFLOW_TRACKING_TOKEN"),
                environment.apply("MLFLOW_TRACKING_USERNAME"), environment.apply("MLFLOW_TRACKING_PASSWORD"));
        String userInfo = uri.getUserInfo();
        if (fromEnvironment.authorization().isPresent() || userInfo == null || !userInfo.contains(":")) {
            return fromEnvironment;
        }
        int colon = userInfo.indexOf(':');
        return new Credentials(null, userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** {@code uri} without its user information, as the tracker sends requests to and names the server. */
    static String withoutUserInfo(URI uri) {
        String userInfo = uri.getRawUserInfo();
        return userInfo == null ? uri.toString() : uri.toString().replaceFirst(Pattern.quote(userInfo + "@"), "");
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
