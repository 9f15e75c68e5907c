package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden corpus of bad specs and studies (framework/core's {@code specs/bad} and
 * {@code studies/bad}, whose reports {@code BadSpecGoldenTest} and {@code BadStudyGoldenTest}
 * check) given to the command line as a person would: {@code vae run} and {@code vae sweep}
 * exit with code 2, print exactly the golden report, and create no run directory, so no tracker
 * (MLflow) ever starts. What a spec that refers to environment variables reports depends on this
 * process's environment, so for those the headline is checked here, not its count or the
 * problems; the golden test checks their text under a fixed environment.
 */
class BadInputCorpusTest {

    private static final Path CORPUS = Path.of(System.getProperty("vaelab.root", "../.."))
            .resolve("framework/core-tests/src/test/resources").toAbsolutePath().normalize();

    @TempDir
    Path work;

    static Stream<String> specs() throws IOException {
        return names(CORPUS.resolve("specs/bad"));
    }

    static Stream<String> studies() throws IOException {
        return names(CORPUS.resolve("studies/bad"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void aBadSpecIsRefusedByVaeRunWithItsGoldenReport(String name) throws IOException {
        Path folder = CORPUS.resolve("specs/bad");
        Path spec = folder.resolve(name + ".yaml");
        List<String> arguments = new ArrayList<>(List.of("run", spec.toString(), "--runs-dir",
                work.resolve("runs").toString()));
        Path overrides = folder.resolve(name + ".overrides");
        if (Files.exists(overrides)) {
            Files.readAllLines(overrides).stream().filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(assignment -> arguments.addAll(List.of("--set", assignment)));
        }
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae(arguments.toArray(String[]::new));
        String report = outcome.err().replace(folder + "/", "specs/bad/");
        assertRefused(outcome, report, Files.readString(folder.resolve(name + ".expected.txt")),
                Files.readString(spec).contains("${"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studies")
    void aBadStudyIsRefusedByVaeSweepWithItsGoldenReport(String name) throws IOException {
        Path folder = CORPUS.resolve("studies");
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("sweep",
                folder.resolve("bad/" + name + ".yaml").toString(), "--runs-dir", work.resolve("runs").toString());
        assertRefused(outcome, outcome.err().replace(folder + "/", "studies/"),
                Files.readString(folder.resolve("bad/" + name + ".expected.txt")), false);
    }

    private void assertRefused(CommandLineRunner.Outcome outcome, String report, String golden,
            boolean environmentDependent) {
        assertEquals(2, outcome.exitCode(), report);
        if (environmentDependent) {
            String headline = report.lines().findFirst().orElse("");
            assertTrue(headline.startsWith(golden.substring(0, golden.indexOf(": ") + 2))
                    && headline.endsWith(", nothing was run"), report);
        } else {
            assertEquals(golden, report);
        }
        assertFalse(Files.exists(work.resolve("runs")), "no run directory");
        assertTrue(outcome.out().isEmpty(), "nothing on standard output: " + outcome.out());
    }

    private static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".yaml"))
                    .map(file -> file.substring(0, file.length() - ".yaml".length())).sorted().toList().stream();
        }
    }
}
