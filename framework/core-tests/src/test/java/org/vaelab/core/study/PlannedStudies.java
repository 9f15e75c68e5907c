package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;

/** Study files written into a test's folder beside the golden tests' base spec, planned as {@code vae sweep} does. */
final class PlannedStudies {

    private static final ComponentCatalog CATALOG = PluginLoader.load(PlannedStudies.class.getClassLoader());
    private static final UnaryOperator<String> NO_VARIABLES = Map.<String, String>of()::get;

    private PlannedStudies() {
    }

    /** The plan of {@code study}, written as {@code work/study.yaml} with {@code base.yaml} beside it. */
    static StudyPlan plan(Path work, String study) throws IOException {
        Files.copy(BadStudyGoldenTest.folder().resolve("base.yaml"), work.resolve("base.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Path file = Files.writeString(work.resolve("study.yaml"), study);
        return new StudyPlanner(CATALOG, NO_VARIABLES).plan(new StudyReader(NO_VARIABLES).read(file), List.of());
    }

    /** Asserts that the {@code study.yaml} {@code ran} records in its study folder plans the same study and trials. */
    static void assertRecordedStudyIsTheSame(Path work, StudyPlan ran) throws IOException {
        Path folder = Files.createDirectories(work.resolve("runs/studies").resolve(ran.folderName()));
        Path recorded = Files.writeString(folder.resolve("study.yaml"), ran.recorded(folder));
        StudyPlan again = new StudyPlanner(CATALOG, NO_VARIABLES).plan(new StudyReader(NO_VARIABLES).read(recorded),
                List.of());
        assertEquals(ran.sha256(), again.sha256(), Files.readString(recorded));
        assertEquals(ran.csv(), again.csv());
    }
}
