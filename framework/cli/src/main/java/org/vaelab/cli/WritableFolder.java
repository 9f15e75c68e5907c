package org.vaelab.cli;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.vaelab.core.train.Failures;
import org.vaelab.spi.InvalidInputException;

/**
 * Checks, before any work, that a folder named on the command line can take new files: it and the
 * folders above it that are missing are created, a file is created in it and deleted, and the
 * folders created are removed again, so that bad input leaves nothing behind.
 */
final class WritableFolder {

    private WritableFolder() {
    }

    /**
     * Returns {@code folder} once a file could be written in it.
     *
     * @param option what names the folder in the message ({@code --runs-dir})
     * @throws InvalidInputException naming {@code option} and why, on one line, otherwise
     */
    static Path check(String option, Path folder) {
        Deque<Path> created = new ArrayDeque<>();
        try {
            for (Path missing = folder.toAbsolutePath(); missing != null && !Files.exists(missing, NOFOLLOW_LINKS);
                    missing = missing.getParent()) {
                created.push(missing);
            }
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".vae-write-check", ".tmp"));
            return folder;
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException(option + " " + folder + ": cannot write files there: " + why(e), e);
        } finally {
            remove(created);
        }
    }

    /** Removes the folders this check created, deepest first; those it could not create are not there. */
    private static void remove(Deque<Path> created) {
        while (!created.isEmpty()) {
            try {
                Files.deleteIfExists(created.pollLast());
            } catch (IOException e) {
                return;
            }
        }
    }

    /** What went wrong, as a phrase: the file in the way, no permission, the system's reason, or what it refused. */
    private static String why(Exception e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is in the way: it is not a folder (a file, or a link that leads to none)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException system) {
            return system.getReason() != null ? system.getReason().toLowerCase(Locale.ROOT)
                    : "the system refused to create " + system.getFile();
        }
        return Failures.reason(e);
    }
}
