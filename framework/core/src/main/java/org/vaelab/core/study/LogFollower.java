package org.vaelab.core.study;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a trial's log file as its process writes it, as {@code tail -f} does: each call returns
 * the lines completed since the last, so that a sweep can show how its running trials are doing.
 */
final class LogFollower {

    private final Path log;
    private long position;
    private final StringBuilder partial = new StringBuilder();

    LogFollower(Path log) {
        this.log = log;
    }

    /** The lines ended by a newline since the last call; a line still being written waits for its end. */
    List<String> newLines() throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        byte[] added;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= position) {
                return List.of();
            }
            added = new byte[Math.toIntExact(length - position)];
            file.seek(position);
            file.readFully(added);
            position = length;
        }
        partial.append(new String(added, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            lines.add(partial.substring(0, end));
            partial.delete(0, end + 1);
        }
        return lines;
    }
}
