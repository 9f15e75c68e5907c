package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A {@code --runs-dir} or output file that cannot be written is bad input found before any data is
 * read: exit 2, one plain line naming the option, no stack trace; and a command that is not a run
 * never says "the run failed".
 */
class UnusableOutputTest {

    @TempDir
    Path work;

    @Test
    void aRunsDirThatIsAFileOrBelowOneOrALoopIsRefusedBeforeTheDataAreRead() throws IOException {
        Path spec = TestSpecs.write(work, "nodata.yaml", TestSpecs.SMALL_FASHION.replace("variant: fashion",
                "variant: digits, path: no-such-folder"));
        Path file = Files.writeString(work.resolve("a-file"), "");
        Path loop = Files.createSymbolicLink(work.resolve("loop-a"), work.resolve("loop-b"));
        Files.createSymbolicLink(work.resolve("loop-b"), loop);
        for (Path runsDir : new Path[] {file, file.resolve("runs"), loop, loop.resolve("runs")}) {
            CommandLineRunner.Outcome outcome = CommandLineRunner.vae("run", spec.toString(), "--runs-dir",
                    runsDir.toString());
            assertRefused(outcome, "error: --runs-dir " + runsDir + ": cannot write files there: ");
            assertTrue(outcome.err().strip().endsWith("; nothing was run"), outcome.err());
        }
        assertEquals(0, Files.size(file));
    }

    @Test
    void aRunsDirOnAFileSystemThatTakesNoFolders() throws IOException {
        Path spec = TestSpecs.write(work, "nodata.yaml", TestSpecs.SMALL_FASHION);
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
        assertRefused(CommandLineRunner.vae("run", spec.toString(), "--runs-dir", "/proc/vae-runs"),
                "error: --runs-dir /proc/vae-runs: cannot write files there: ");
    }

    @Test
    void aReadOnlyRunsDir() throws IOException {
        Path spec = TestSpecs.write(work, "nodata.yaml", TestSpecs.SMALL_FASHION);
        Path readOnly = Files.createDirectory(work.resolve("read-only"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("r-xr-xr-x")));
        Assumptions.assumeFalse(Files.isWritable(readOnly), "root writes anywhere");
        assertRefused(CommandLineRunner.vae("run", spec.toString(), "--runs-dir", readOnly.toString()),
                "error: --runs-dir " + readOnly + ": cannot write files there: permission denied");
    }

    @Test
    void anOutputFileInAFolderThatTakesNoFilesIsRefusedBeforeTheRunIsOpened() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
        Path absent = work.resolve("no-run");
        assertRefused(CommandLineRunner.vae("eval", absent.toString(), "--json", "/proc/eval.json"),
                "error: --json /proc/eval.json: its folder /proc: cannot write files there: ");
        assertRefused(CommandLineRunner.vae("sample", absent.toString(), "-o", "/proc/samples.png"),
                "error: --output /proc/samples.png: its folder /proc: cannot write files there: ");
    }

    @Test
    void aCommandThatIsNotARunFailsUnderItsOwnName() {
        CommandLine vae = Main.commandLine();
        StringWriter err = new StringWriter();
        vae.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed = vae.parseArgs("eval", "some-run");
        CommandLine eval = vae.getSubcommands().get("eval");
        assertEquals(Main.RUN_FAILED, new ErrorReporter()
                .handleExecutionException(new IOException("disk failed"), eval, parsed));
        assertEquals("vae eval failed: java.io.IOException: disk failed", err.toString().strip());
    }

    /** Exit 2, one line starting with {@code start}, no stack trace. */
    private static void assertRefused(CommandLineRunner.Outcome outcome, String start) {
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith(start), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
    }
}
