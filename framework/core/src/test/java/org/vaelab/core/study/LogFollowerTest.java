package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a log as it grows: whole new lines each time, a line still being written kept until its end. */
class LogFollowerTest {

    @TempDir
    Path work;

    @Test
    void returnsTheLinesCompletedSinceTheLastCall() throws IOException {
        Path log = work.resolve("trial.log");
        LogFollower follower = new LogFollower(log);
        assertEquals(List.of(), follower.newLines(), "no file yet");
        Files.writeString(log, "epoch 1/2  a\nepoch 2");
        assertEquals(List.of("epoch 1/2  a"), follower.newLines());
        assertEquals(List.of(), follower.newLines(), "nothing new");
        Files.writeString(log, "/2  b\ndone in 3 s: \u00e9\n", StandardOpenOption.APPEND);
        assertEquals(List.of("epoch 2/2  b", "done in 3 s: \u00e9"), follower.newLines());
    }
}
