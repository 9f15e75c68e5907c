package org.vaelab.plugins.data.csv;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.csv.CsvTesting.config;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.plugins.data.table.Scaling;
import org.vaelab.spi.InvalidConfigException;

/** The rules of {@link CsvConfig}. */
class CsvConfigTest {

    @Test
    void documentedDefaults() throws ReflectiveOperationException {
        assertEquals(new CsvConfig("t.csv", true, ",", 0, null, null, Scaling.STANDARDIZE, MissingCells.ERROR,
                SplitSize.parse("0.1"), SplitSize.parse("0.1"), 0), config("t.csv", Map.of()));
    }

    @Test
    void delimiterIsOneCharacterOtherThanAQuoteOrLineBreak() {
        for (String bad : List.of("", ";;", "\"", "\n", "\r")) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> config("t.csv", Map.of("delimiter", bad)));
            assertEquals("delimiter", e.key());
        }
        for (String good : List.of(";", "\t", "|", " ")) {
            assertDoesNotThrow(() -> config("t.csv", Map.of("delimiter", good)));
        }
    }

    @Test
    void columnsListEachColumnOnceAndNotTheLabel() {
        assertProblem("columns", "must list at least one column", Map.of("columns", List.of()));
        assertProblem("columns", "lists a column more than once: [a, b, a]", Map.of("columns", List.of("a", "b", "a")));
        assertProblem("columns", "lists the label column 'b'",
                Map.of("columns", List.of("a", "b"), "labelColumn", "b"));
        assertDoesNotThrow(() -> config("t.csv", Map.of("columns", List.of("a", "0"), "labelColumn", "b")));
    }

    @Test
    void fractionsMustLeaveAShareToTrainOn() {
        assertProblem("test", "must be below 1",
                Map.of("validation", SplitSize.parse("0.7"), "test", SplitSize.parse("0.3")));
        assertProblem("test", "must be below 1",
                Map.of("validation", SplitSize.parse("2/3"), "test", SplitSize.parse("1/3")));
        assertDoesNotThrow(() -> config("t.csv",
                Map.of("validation", SplitSize.parse("2/3"), "test", SplitSize.count(1000))));
    }

    @Test
    void pathMustNameAFile() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> config(" ", Map.of()));
        assertEquals("path", e.key());
    }

    private static void assertProblem(String key, String fragment, Map<String, ?> options) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> config("t.csv", options));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
