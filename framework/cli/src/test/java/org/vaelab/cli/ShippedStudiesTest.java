package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every study shipped in {@code experiments/} expands into valid trials of the size its README promises. */
class ShippedStudiesTest {

    private static final Path EXPERIMENTS = Path.of(System.getProperty("vaelab.root", "../..")).resolve("experiments");
    private static final Map<String, Integer> TRIALS = Map.of("beta-latent-fashion.yaml", 12,
            "likelihoods-fashion.yaml", 10, "capacity-swissroll.yaml", 10, "beta-sprites.yaml", 15,
            "search-fashion.yaml", 12, "capacity-sprites.yaml", 6, "beta-sprites-mlp.yaml", 3,
            "capacity-sprites-mlp.yaml", 3, "search-beta-latent-fashion.yaml", 16);

    static Stream<String> studies() throws IOException {
        try (Stream<Path> files = Files.list(EXPERIMENTS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("studies")
    void theStudyPlansItsTrials(String study) {
        CommandLineRunner.Outcome plan = CommandLineRunner.vae("sweep", EXPERIMENTS.resolve(study).toString(),
                "--dry-run");
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(TRIALS.containsKey(study), study + " is listed in this test and in experiments/README.md");
        assertTrue(plan.out().contains(": " + TRIALS.get(study) + " trials of "), plan.out());
    }
}
