package org.vaelab.plugins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failures to read a data file that are bad input, and how any failure is named. */
class UnreadableFileTest {

    @TempDir
    Path folder;

    @Test
    void permissionDeniedIsBadInputEvenWhereTestsRunAsRoot() {
        Path file = folder.resolve("labels.idx");
        assertEquals(file + " cannot be read: permission denied", UnreadableFile.explain(file, "an IDX file",
                new AccessDeniedException(file.toString())).orElseThrow().getMessage());
    }

    @Test
    void aDirectoryIsNamedAsSuch() {
        assertEquals(folder + " is a directory, not an IDX file", UnreadableFile.explain(folder, "an IDX file",
                new IOException("Is a directory")).orElseThrow().getMessage());
    }

    @Test
    void otherFailuresAreNotBadInput() {
        assertTrue(UnreadableFile.explain(folder.resolve("f"), "a CSV file", new IOException("disk")).isEmpty());
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsClass() {
        assertEquals("ZipException", UnreadableFile.reason(new ZipException()));
        assertEquals("bad", UnreadableFile.reason(new ZipException("bad")));
    }
}
