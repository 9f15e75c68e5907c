package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.testing.FuzzSeeds;
import org.vaelab.spi.InvalidInputException;

/**
 * Coverage-guided fuzzing of {@link StudyReader#read} and the {@link StudyPlanner} after it: any
 * study file gives a plan or a {@link SpecException} (or an {@link InvalidInputException}) that
 * says what is wrong; anything else is a finding. The file lies in {@code experiments/} of a
 * folder whose {@code configs/} holds the shipped configs, so the shipped studies' bases resolve.
 * Seeded with the shipped experiments and the study corpus of these tests; crashing inputs are
 * kept under {@code StudyReaderFuzzTestInputs/read}.
 */
class StudyReaderFuzzTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(StudyReaderFuzzTest.class.getClassLoader());
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();
    private static final Path STUDY = studyFile();

    static Stream<byte[]> read() throws IOException {
        return FuzzSeeds.yamlUnder("experiments", "framework/core-tests/src/test/resources/studies");
    }

    @MethodSource
    @FuzzTest
    void read(byte[] input) throws IOException {
        Files.write(STUDY, input);
        StudyPlan plan;
        try {
            StudyDefinition study = new StudyReader(NO_ENVIRONMENT::get).read(STUDY);
            plan = new StudyPlanner(CATALOG, NO_ENVIRONMENT::get).plan(study, List.of());
        } catch (SpecException | InvalidInputException refused) {
            assertFalse(refused.getMessage().isBlank(), "a refusal says what is wrong");
            return;
        }
        assertTrue(plan.trials().size() <= plan.study().maxRuns(), "a plan keeps to max_runs");
    }

    /** {@code experiments/fuzz.yaml} in a fresh folder beside a link to the shipped configs. */
    private static Path studyFile() {
        try {
            Path folder = Files.createTempDirectory("study-fuzz");
            Path configs = Path.of(System.getProperty("vaelab.root", "../..")).resolve("configs").toAbsolutePath();
            Path link = Files.createSymbolicLink(folder.resolve("configs"), configs);
            Path experiments = Files.createDirectories(folder.resolve("experiments"));
            Path file = experiments.resolve("fuzz.yaml");
            // deleted in the reverse order: the file, its folder, the link, the temporary folder
            for (Path path : List.of(folder, link, experiments, file)) {
                path.toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
