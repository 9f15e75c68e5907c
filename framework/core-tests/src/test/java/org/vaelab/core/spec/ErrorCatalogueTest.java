package org.vaelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The user guide's error tables list exactly the ids of the catalogue, each once. */
class ErrorCatalogueTest {

    private static final Path GUIDE = Path.of(System.getProperty("vaelab.root", "../..")).resolve("docs/user-guide.md");

    /** A table of error ids: its {@code | id | meaning |} header, its rule, and its rows. */
    private static final Pattern TABLE =
            Pattern.compile("(?m)^\\| id \\| meaning \\|\n\\|---\\|---\\|\n((?:\\|.*\n)+)");
    /** The ids in the first cell of a row: {@code | `spec/Syntax` |} or {@code | `a/B`, `a/C` |}. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| ((?:`[a-z]+/[A-Za-z0-9]+`(?:, )?)+) \\|");
    private static final Pattern ID = Pattern.compile("`([a-z]+/[A-Za-z0-9]+)`");

    @Test
    void theGuideDocumentsEveryIdOfTheCatalogueAndNoOther() throws IOException {
        Matcher tables = TABLE.matcher(Files.readString(GUIDE));
        Set<String> documented = new TreeSet<>();
        while (tables.find()) {
            Matcher rows = ROW.matcher(tables.group(1));
            while (rows.find()) {
                Matcher ids = ID.matcher(rows.group(1));
                while (ids.find()) {
                    assertEquals(true, documented.add(ids.group(1)), ids.group(1) + " is documented twice");
                }
            }
        }
        Set<String> catalogue = Arrays.stream(ErrorId.values()).map(ErrorId::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogue, documented);
    }

    @Test
    void idsAreUniqueAreaSlashName() {
        Set<String> codes = new TreeSet<>();
        for (ErrorId id : ErrorId.values()) {
            assertEquals(true, id.code().matches("(spec|study|data|plugin)/[A-Z][A-Za-z0-9]+"), id.code());
            assertEquals(true, codes.add(id.code()), id.code());
        }
    }
}
