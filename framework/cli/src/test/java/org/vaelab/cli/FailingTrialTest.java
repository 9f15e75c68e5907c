package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial that fails (its loss becomes NaN) does not stop the next one; the study ends with exit
 * code 1 and the failure in its summary, and running it again runs only the failed trial.
 */
class FailingTrialTest {

    @TempDir
    Path work;

    @Test
    void aFailedTrialIsReportedAndRunAgainAloneWhileTheOthersFinish() throws IOException {
        TestSpecs.write(work, "base.yaml", TestSpecs.TINY_FASHION);
        Path study = TestSpecs.write(work, "diverging.yaml",
                "base: base.yaml\ngrid:\n  optimizer.lr: [1.0e+30, 1.0e-3]\n");
        String runs = work.resolve("runs").toString();

        CommandLineRunner.Outcome first = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir", runs);
        assertEquals(1, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().contains("FAILED t000-lr=1.0e+30-seed=7 in "), first.out());
        assertTrue(first.out().contains("1 trials finished, 1 failed"), first.out());
        assertTrue(Pattern.compile("(?m)^ {7}t001-lr=1\\.0e-3-seed=7  epoch 1/1  train loss \\S+  val ELBO .*, "
                + "about .* left$").matcher(first.out()).find(),
                "the running trial's epoch line, after its name:\n" + first.out());
        Matcher failed = Pattern.compile("FAILED t000-lr=1\\.0e\\+30-seed=7 in (\\d+\\.\\d) s \\(1 of 2\\): "
                + "exit code 1, see \\S+; the study: about (\\d+) s left").matcher(first.out());
        assertTrue(failed.find(), first.out());
        assertEquals(Double.parseDouble(failed.group(1)), Integer.parseInt(failed.group(2)), 0.51,
                "one trial left, one at a time, at the time of the one ended");
        assertFalse(first.out().contains("(2 of 2); the study"), "nothing is left after the last");
        assertTrue(first.out().contains("summary: 1 of 2 trials finished (not finished: t000-lr=1.0e+30-seed=7)"),
                first.out());
        List<String> summary = Files.readAllLines(studyFolder().resolve("summary.csv"));
        assertTrue(summary.get(1).startsWith("0,t000-lr=1.0e+30-seed=7,1.0e+30,7,FAILED,"), summary.get(1));
        assertTrue(summary.get(2).startsWith("1,t001-lr=1.0e-3-seed=7,1.0e-3,7,FINISHED,-"), summary.get(2));
        assertTrue(Files.readString(studyFolder().resolve("logs/t000-lr=1.0e+30-seed=7.log")).contains("became NaN"));

        CommandLineRunner.Outcome again = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir", runs);
        assertEquals(1, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("2 selected, 1 of them finished already; running 1"), again.out());
    }

    private Path studyFolder() throws IOException {
        try (Stream<Path> folders = Files.list(work.resolve("runs/studies"))) {
            return folders.findFirst().orElseThrow();
        }
    }
}
