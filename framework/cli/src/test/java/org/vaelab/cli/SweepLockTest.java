package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process at a time per trial of a study: while shard 0/2 of a two-trial study runs its trial,
 * a sweep of the whole study is refused with one line naming that process, and runs and writes
 * nothing, while shard 1/2, whose trial differs, runs beside it; once the first is killed, its
 * shard runs again.
 */
class SweepLockTest {

    @TempDir
    Path work;

    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();

    @Test
    void aSweepOfTrialsAnotherSweepIsRunningIsRefusedWhileOtherShardsRun() throws Exception {
        TestSpecs.write(work, "base.yaml", TestSpecs.TINY_FASHION);
        Path study = TestSpecs.write(work, "locking.yaml", "base: base.yaml\ngrid:\n  kl.beta: [0.5, 2]\n");
        Path runs = work.resolve("runs");
        CommandLineRunner.Outcome plan = CommandLineRunner.vae("sweep", study.toString(), "--dry-run");
        assertEquals(0, plan.exitCode(), plan.err());
        Matcher hash = Pattern.compile("study locking: 2 trials of .* \\(study hash (\\w{8})\\)").matcher(plan.out());
        assertTrue(hash.find(), plan.out());
        Path folder = runs.resolve("studies/locking-" + hash.group(1));
        List<String> trials = Pattern.compile("(?m)^  (t\\S+)  spec").matcher(plan.out()).results()
                .map(found -> found.group(1)).toList();
        assertEquals(2, trials.size(), plan.out());
        Path hold = RunProgress.pipe(folder.resolve("logs/" + trials.get(0) + ".log"));

        Path log = work.resolve("shard0.log");
        Process shard0 = CommandLineRunner.process(log, List.of(), "sweep", study.toString(), "--shard", "0/2",
                "--runs-dir", runs.toString()).start();
        started.add(shard0);
        RunProgress.await(shard0, log, "trial start", () -> Files.readString(log).contains("start  " + trials.get(0)));

        CommandLineRunner.Outcome whole = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                runs.toString());
        assertEquals(2, whole.exitCode(), whole.out() + whole.err());
        assertEquals("error: trial " + trials.get(0) + " of " + folder.toAbsolutePath().normalize() + " is in use by "
                + "another vae process (pid " + shard0.pid()
                + "); wait for that sweep to end, or give each process its own --shard\n", whole.err());
        assertFalse(Files.exists(folder.resolve("logs/" + trials.get(1) + ".log")), "the refused sweep ran nothing");

        CommandLineRunner.Outcome shard1 = CommandLineRunner.vae("sweep", study.toString(), "--shard", "1/2",
                "--runs-dir", runs.toString());
        assertEquals(0, shard1.exitCode(), shard1.out() + shard1.err());
        assertTrue(shard1.out().contains("1 trials finished, 0 failed"), shard1.out());

        RunProgress.kill(shard0);
        Files.delete(hold);
        CommandLineRunner.Outcome again = CommandLineRunner.vae("sweep", study.toString(), "--shard", "0/2",
                "--runs-dir", runs.toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("1 trials finished, 0 failed"), again.out());
        for (String trial : trials) {
            String trialLog = Files.readString(folder.resolve("logs/" + trial + ".log"));
            assertEquals(1, trialLog.lines().filter(line -> line.startsWith("done in ")).count(), trialLog);
        }
    }
}
