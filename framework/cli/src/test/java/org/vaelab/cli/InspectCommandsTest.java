package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vae validate} and {@code vae plugins}. */
class InspectCommandsTest {

    @TempDir
    Path work;

    @Test
    void validatePrintsTheResolvedSpecWithDefaultsAndOverrides() throws IOException {
        Path spec = TestSpecs.write(work, "ok.yaml", TestSpecs.SMALL_FASHION);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("validate", spec.toString(), "--print",
                "--set", "kl.beta=4");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().startsWith("# " + spec + ": valid (sha256 "), outcome.out());
        assertTrue(outcome.out().contains("kl:\n  type: beta\n  beta: 4.0\n"), outcome.out());
        assertTrue(outcome.out().contains("optimizer:\n  type: adam\n  lr: 0.001\n"), outcome.out());

        Path printed = Files.writeString(work.resolve("resolved.yaml"), outcome.out());
        CommandLineRunner.Outcome again = CommandLineRunner.vae("validate", printed.toString());
        assertEquals(0, again.exitCode(), "what --print writes is a spec: " + again.err());
        String hash = outcome.out().substring(outcome.out().indexOf("(sha256 "), outcome.out().indexOf(')') + 1);
        assertTrue(again.out().contains(hash), "the same spec: " + again.out() + " vs " + hash);
    }

    @Test
    void pluginsListsEveryBuiltInTypeWithItsOptions() {
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("plugins");
        assertEquals(0, outcome.exitCode(), outcome.err());
        String[] types = {"  mnist: ", "  mlp: ", "  bernoulli: ", "  beta: ", "  adam: ", "  piwae: "};
        for (String type : types) {
            assertTrue(outcome.out().contains(type), type + " in\n" + outcome.out());
        }
        assertTrue(outcome.out().matches("(?s).*hidden\\s+list of integer\\s+Sizes of the hidden layers.*\\(default "
                + "\\[400]; >= 1\\).*"), outcome.out());
    }

    @Test
    void configsShippedWithTheProjectAreValid() {
        Path configs = Path.of(System.getProperty("vaelab.root", "../..")).resolve("configs");
        for (String name : new String[] {"quickstart.yaml", "fashion-mlp-bernoulli.yaml", "mnist-mlp-bernoulli.yaml"}) {
            CommandLineRunner.Outcome outcome = CommandLineRunner.vae("validate", configs.resolve(name).toString());
            assertEquals(0, outcome.exitCode(), name + ": " + outcome.err());
        }
    }
}
