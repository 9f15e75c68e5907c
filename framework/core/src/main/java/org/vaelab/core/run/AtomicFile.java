package org.vaelab.core.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name beside it, then moves it into place atomically, so a crash
 * or a full disk never leaves a half-written file under its real name, and the file written
 * before stays as it was.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * Writes {@code target} with {@code writer}; its folder must exist. The temporary file is
     * removed whether or not the write succeeds.
     *
     * @throws IOException when writing fails, its message naming {@code target} and the cause
     *     ("No space left on device")
     */
    public static Path write(Path target, RunDirectory.FileWriter writer) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            writer.writeTo(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("could not write " + target + ": " + reason(e), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /**
     * What went wrong, without the temporary file's name that file system errors put first: the
     * innermost I/O error's, since encoders wrap the file system's ("I/O error writing PNG file!"
     * around "No space left on device").
     */
    private static String reason(IOException e) {
        if (e.getCause() instanceof IOException cause) {
            return reason(cause);
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
