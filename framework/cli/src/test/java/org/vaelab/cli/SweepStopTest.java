package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to {@code vae sweep} while its first trial runs: it says the finished trials are kept and how to go on. */
class SweepStopTest {

    @TempDir
    Path work;

    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void aStoppedSweepSaysHowToRunTheOtherTrials() throws Exception {
        TestSpecs.write(work, "base.yaml", TestSpecs.TINY_FASHION);
        Path study = TestSpecs.write(work, "stopped.yaml", "base: base.yaml\ngrid:\n  kl.beta: [0.5, 2]\n");
        Path log = work.resolve("sweep.log");
        Path runs = work.resolve("runs");
        Process sweep = CommandLineRunner.process(log, List.of(), "sweep", study.toString(), "--set",
                "train.epochs=2", "--runs-dir", runs.toString()).start();
        started.add(sweep);
        RunProgress.await(sweep, log, "the first trial's start", () -> Files.readString(log).contains("start  t000"));
        new ProcessBuilder("kill", "-TERM", Long.toString(sweep.pid())).start().waitFor();
        assertTrue(sweep.waitFor(120, TimeUnit.SECONDS), "vae sweep stops after SIGTERM");
        assertEquals(143, sweep.exitValue(), "128 + SIGTERM:\n" + Files.readString(log));
        assertTrue(Files.readString(log).contains("stopped: the trials that finished are kept; `vae sweep " + study
                + " --set train.epochs=2 --runs-dir " + runs + "` runs the others\n"), Files.readString(log));
    }
}
