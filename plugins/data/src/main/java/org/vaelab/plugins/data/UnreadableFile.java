package org.vaelab.plugins.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vaelab.spi.InvalidInputException;

/**
 * The ways a data file named in a spec cannot be read that are the user's to fix (no permission,
 * a folder where the file should be), as bad input; shared by the dataset readers.
 */
public final class UnreadableFile {

    private UnreadableFile() {
    }

    /**
     * The bad input {@code failure} means when reading {@code file}, or empty when it is not one of
     * those (a failing disk, say).
     *
     * @param kind what the file should be, for messages ("a CSV file")
     */
    public static Optional<InvalidInputException> explain(Path file, String kind, IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return Optional.of(new InvalidInputException(file + " cannot be read: permission denied", failure));
        }
        if (Files.isDirectory(file)) {
            return Optional.of(new InvalidInputException(file + " is a directory, not " + kind, failure));
        }
        return Optional.empty();
    }

    /** What went wrong, for a message: the exception's message, else its class, never "null". */
    public static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
