package org.vaelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;

/**
 * Golden-file tests of bad specs: every {@code specs/bad/NAME.yaml} must be rejected with exactly
 * the report in {@code NAME.expected.txt}. {@code NAME.overrides}, when present, holds
 * {@code --set} assignments, one per line (empty lines and lines starting with '#' are skipped).
 *
 * <p>To regenerate the expected files after a deliberate change of wording, run the tests with
 * {@code -Dvaelab.updateGolden=true} and review the diff; by default the files are compared.
 */
class BadSpecGoldenTest {

    static final String UPDATE_PROPERTY = "vaelab.updateGolden";

    /** A fixed environment, so interpolation gives the same result on every machine. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "HOME", "/home/golden",
            "DATA_DIR", "/data/golden",
            "EPOCHS", "7");

    private static final ComponentCatalog CATALOG = PluginLoader.load(BadSpecGoldenTest.class.getClassLoader());

    static Path folder() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/specs/bad");
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badSpecIsReportedExactly(String name) throws IOException {
        Path dir = folder();
        String text = Files.readString(dir.resolve(name + ".yaml"), StandardCharsets.UTF_8);
        List<String> overrides = overrides(dir.resolve(name + ".overrides"));
        SpecLoader loader = new SpecLoader(CATALOG, ENVIRONMENT::get);

        SpecException e = assertThrows(SpecException.class,
                () -> loader.parse(text, "specs/bad/" + name + ".yaml", overrides),
                "specs/bad/" + name + ".yaml must be rejected");
        String actual = normalize(e.getMessage()) + "\n";
        assertFalse(e.problems().isEmpty(), "a SpecException carries its problems");

        Path expectedFile = dir.resolve(name + ".expected.txt");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expectedFile), "missing " + expectedFile
                + "; run with -D" + UPDATE_PROPERTY + "=true to write it, then review it");
        String expected = normalize(Files.readString(expectedFile, StandardCharsets.UTF_8));
        assertEquals(expected, actual, "report for specs/bad/" + name + ".yaml"
                + " (if the change is deliberate, regenerate with -D" + UPDATE_PROPERTY + "=true and review the diff)");
    }

    @Test
    void everyCaseHasAnExpectedReportAndThereAreEnoughCases() throws IOException {
        List<String> names = cases().toList();
        assertTrue(names.size() >= 14, "expected at least 14 golden cases, found " + names);
        try (Stream<Path> files = Files.list(folder())) {
            List<String> orphans = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".expected.txt") || n.endsWith(".overrides"))
                    .filter(n -> !names.contains(n.substring(0, n.length()
                            - (n.endsWith(".overrides") ? ".overrides" : ".expected.txt").length())))
                    .toList();
            assertEquals(List.of(), orphans, "expected or overrides files without a spec beside them");
        }
    }

    private static List<String> overrides(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalize(String text) {
        return text.replace("\r\n", "\n");
    }
}
