package org.vaelab.core.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vaelab.spi.InvalidInputException;

/**
 * An exclusive lock on a file, held by one process while it writes what the file guards (a run
 * directory, a study's trial), so a second {@code vae} process refuses instead of writing the same
 * files at once. It is an operating-system lock ({@link FileChannel#tryLock}), which ends with its
 * process however that ends, so a lock left by a killed process never blocks; the holder's pid,
 * written into the file, only names it in the refusal.
 */
public final class ProcessLock implements AutoCloseable {

    /**
     * The files this JVM holds locks on. A JVM cannot lock a file twice, and on Linux closing any
     * channel of a locked file drops the JVM's lock on it, so a second attempt from this JVM must
     * be refused before it opens the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;

    private ProcessLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Locks {@code file}, creating it if needed.
     *
     * @param guarded what the lock guards, as the refusal names it ({@code runs/x/20260101-...})
     * @param advice what to do instead, the refusal's end
     * @throws InvalidInputException when another process, or this one, holds the lock:
     *     "GUARDED is in use by another vae process (pid N); ADVICE"
     */
    public static ProcessLock acquire(Path file, String guarded, String advice) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw inUse(guarded, Long.toString(ProcessHandle.current().pid()), advice);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(guarded, holder(key), advice);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new ProcessLock(key, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD.remove(key);
            throw e;
        }
    }

    /** Releases the lock; the file stays, for the next holder. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            HELD.remove(file);
        }
    }

    /** The pid the holder wrote, or a question mark while it has not written it yet. */
    private static String holder(Path file) throws IOException {
        String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
        return pid.matches("\\d+") ? pid : "?";
    }

    private static InvalidInputException inUse(String guarded, String pid, String advice) {
        return new InvalidInputException(guarded + " is in use by another vae process (pid " + pid + "); " + advice);
    }
}
