package org.vaelab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal repair before a resumed run appends to it: a last line a crash cut short, with or
 * without its line end, is dropped; whole events are kept.
 */
class JournalRepairTest {

    private static final String EVENTS = "{\"event\":\"start\"}\n{\"event\":\"metrics\",\"step\":1}\n";

    @TempDir
    Path run;

    @Test
    void aLastLineWithoutItsEndIsDropped() throws IOException {
        assertEquals(9, repaired(EVENTS + "{\"event\":"));
        assertEquals(EVENTS, journal());
    }

    @Test
    void aLastLineThatIsNoJsonObjectIsDroppedWithItsEnd() throws IOException {
        assertEquals(12, repaired(EVENTS + "{\"event\":\"a\n"));
        assertEquals(EVENTS, journal());
    }

    @Test
    void wholeEventsAndAnEmptyJournalAreKept() throws IOException {
        assertEquals(0, repaired(EVENTS));
        assertEquals(EVENTS, journal());
        assertEquals(0, repaired(""));
        assertEquals("", journal());
    }

    @Test
    void aJournalOfOneCutLineBecomesEmpty() throws IOException {
        assertEquals(5, repaired("{\"eve"));
        assertEquals("", journal());
    }

    private int repaired(String journal) throws IOException {
        Files.writeString(run.resolve(RunDirectory.JOURNAL), journal);
        return Journal.dropCutLastLine(run);
    }

    private String journal() throws IOException {
        return Files.readString(run.resolve(RunDirectory.JOURNAL));
    }
}
