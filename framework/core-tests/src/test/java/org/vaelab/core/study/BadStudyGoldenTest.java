package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.spec.SpecException;

/**
 * Golden-file tests of bad studies: every {@code studies/bad/NAME.yaml} is rejected, before any
 * trial runs, with exactly the report in {@code NAME.expected.txt} (the test folder's path shown
 * as {@code studies/}). Regenerate with {@code -Dvaelab.updateGolden=true} and review the diff.
 */
class BadStudyGoldenTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(BadStudyGoldenTest.class.getClassLoader());

    static Path folder() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/test/resources/studies");
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(folder().resolve("bad"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badStudyIsReportedExactly(String name) throws IOException {
        Path study = folder().resolve("bad").resolve(name + ".yaml");
        UnaryOperator<String> noVariables = Map.<String, String>of()::get;
        SpecException e = assertThrows(SpecException.class, () -> new StudyPlanner(CATALOG, noVariables)
                .plan(new StudyReader(noVariables).read(study), List.of()));
        String actual = e.getMessage().replace(folder() + "/", "studies/") + "\n";
        Path expectedFile = folder().resolve("bad").resolve(name + ".expected.txt");
        if (Boolean.getBoolean("vaelab.updateGolden")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(expectedFile), "missing " + expectedFile + "; run with -Dvaelab.updateGolden=true");
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name);
    }
}
