package org.vaelab.plugins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;
import org.vaelab.spi.InvalidInputException;

/** Checks the messages of bad input: one line, naming what a person needs to fix it. */
public final class InputProblems {

    private InputProblems() {
    }

    /** {@code load} fails with a one-line message containing every fragment; returns the message. */
    public static String assertProblem(Executable load, String... fragments) {
        InvalidInputException e = assertThrows(InvalidInputException.class, load);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count(), () -> "not one line: " + e.getMessage());
        return e.getMessage();
    }
}
