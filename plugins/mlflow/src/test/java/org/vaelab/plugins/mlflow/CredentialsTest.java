package org.vaelab.plugins.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credentials in a tracking URI are used, never shown; the environment's win. */
class CredentialsTest {

    private static final URI WITH_USER_INFO = URI.create("https://alice:p%40ss@mlflow.example:8443/prefix");

    @Test
    void theUriUserInformationBecomesBasicCredentialsAndLeavesTheUri() {
        Credentials credentials = Credentials.of(name -> null, WITH_USER_INFO);
        assertEquals(Optional.of("Basic "
                + Base64.getEncoder().encodeToString("alice:p@ss".getBytes(StandardCharsets.UTF_8))),
                credentials.authorization(), "percent-decoded");
        assertEquals("https://mlflow.example:8443/prefix", Credentials.withoutUserInfo(WITH_USER_INFO));
        assertEquals("credentials(redacted)", credentials.toString());
    }

    @Test
    void theEnvironmentsCredentialsWinAndAMaskedUserInformationIsNoCredential() {
        assertEquals(Optional.of("Bearer t0k3n"),
                Credentials.of(Map.of("MLFLOW_TRACKING_TOKEN", "t0k3n")::get, WITH_USER_INFO).authorization());
        URI recorded = URI.create("http://***@127.0.0.1:5000");
        assertEquals(Optional.empty(), Credentials.of(name -> null, recorded).authorization());
        assertEquals("http://127.0.0.1:5000", Credentials.withoutUserInfo(recorded));
    }
}
