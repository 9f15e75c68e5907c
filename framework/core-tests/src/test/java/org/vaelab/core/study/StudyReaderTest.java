package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.spec.SpecException;
import org.vaelab.core.spec.YamlFile;

/** What {@link StudyReader} takes from a study file beyond the golden cases: file guards, defaults, lone zip groups. */
class StudyReaderTest {

    private static final StudyReader READER = new StudyReader(Map.<String, String>of()::get);

    @TempDir
    Path work;

    @Test
    void aStudyFileIsReadWithTheGuardsOfASpecFile() throws IOException {
        assertEquals("[spec/NotAFile] (line 1, col 1): is a directory; give the path of a .yaml study file",
                problem(work));
        Path large = Files.writeString(work.resolve("large.yaml"), "#".repeat((int) YamlFile.MAX_BYTES + 1));
        assertEquals("[spec/TooLarge] (line 1, col 1): the file has 1048577 bytes;"
                + " studies are limited to 1048576 bytes", problem(large));
        assertEquals("[spec/FileNotFound] (line 1, col 1): no such file", problem(work.resolve("none.yaml")));
    }

    @Test
    void theNameIsTheFileNameWhenNotWrittenAndFollowsTheSameRule() throws IOException {
        Path base = Files.copy(BadStudyGoldenTest.folder().resolve("base.yaml"), work.resolve("base.yaml"));
        String study = "base: base.yaml\ngrid: {kl.beta: [1, 2]}\n";
        assertEquals("beta_latent", READER.read(Files.writeString(work.resolve("beta latent.yaml"), study)).name());
        assertEquals(base, READER.read(work.resolve("beta latent.yaml")).base());
        assertEquals("[spec/BadValue] name (the study file's name): must be 1 to 100 letters, digits, '.', '_' or '-',"
                + " starting with a letter or digit (it names a folder), found '_hidden'",
                problem(Files.writeString(work.resolve("_hidden.yaml"), study)));
    }

    @Test
    void aBaseThatIsNoPathIsAStudyProblemNotACrash() throws IOException {
        String study = "base: \"base\\0.yaml\"\ngrid: {kl.beta: [1, 2]}\n";
        assertEquals("[study/BaseNotFound] base (line 1, col 7): 'base\u0000.yaml' is not a path (Nul character not "
                + "allowed)", problem(Files.writeString(work.resolve("nul.yaml"), study)));
    }

    @Test
    void aLoneZipGroupIsOneAxisAsInAListOfGroups() throws IOException {
        Files.copy(BadStudyGoldenTest.folder().resolve("base.yaml"), work.resolve("base.yaml"));
        StudyDefinition lone = READER.read(Files.writeString(work.resolve("lone.yaml"),
                "base: base.yaml\nzip: {kl.beta: [1, 2], model.latent_dim: [2, 4]}\nseeds: [7]\n"));
        StudyDefinition listed = READER.read(Files.writeString(work.resolve("listed.yaml"),
                "base: base.yaml\nzip: [{kl.beta: [1, 2], model.latent_dim: [2, 4]}]\nseeds: [7]\n"));
        assertEquals(List.of("kl.beta", "model.latent_dim", "seed"), lone.sweptKeys());
        assertEquals(values(listed), values(lone));
    }

    @Test
    void aKeySweptTwiceOnTheCommandLineIsReportedWhereItIsSweptAgain() {
        SpecException e = assertThrows(SpecException.class, () -> READER.commandLine(work.resolve("base.yaml"),
                List.of("kl.beta=1,2", "kl.beta=4"), 10));
        assertEquals("[study/DuplicateKey] kl.beta (-p kl.beta=4): swept twice; give each key its values in one place",
                e.problems().get(0).format());
    }

    /** Each axis's points as YAML, where a value was written set aside. */
    private static List<List<List<String>>> values(StudyDefinition study) {
        return study.axes().stream().map(axis -> axis.points().stream()
                .map(point -> point.stream().map(SweptValue::yaml).toList()).toList()).toList();
    }

    private static String problem(Path file) {
        return assertThrows(SpecException.class, () -> READER.read(file)).problems().get(0).format();
    }
}
