package org.vaelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a {@code vae run} process from its run directory, for tests that stop it midway, and
 * holds it at a chosen point: a named pipe put where the run writes a file's temporary copy
 * ({@code .NAME.tmp}) blocks it there until the pipe is read or the process is killed.
 */
final class RunProgress {

    private RunProgress() {
    }

    /**
     * Waits until a run under {@code experiment} has logged a training metric of epoch
     * {@code epoch}; returns its directory.
     *
     * @throws AssertionError when {@code vae} ends or three minutes pass first, with its output from {@code log}
     */
    static Path awaitEpoch(Path experiment, int epoch, Process vae, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && vae.isAlive()) {
            if (Files.isDirectory(experiment)) {
                try (Stream<Path> runs = Files.list(experiment)) {
                    for (Path run : runs.toList()) {
                        Path metrics = run.resolve("metrics.csv");
                        if (Files.exists(metrics) && Files.readAllLines(metrics).stream()
                                .anyMatch(line -> line.matches("\\d+," + epoch + ",train/.*"))) {
                            return run;
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run reached no epoch " + epoch + " in time; alive: " + vae.isAlive()
                + "; its output:\n" + Files.readString(log));
    }

    /**
     * Waits until a run folder appears under {@code experiment}; returns it.
     *
     * @throws AssertionError when {@code vae} ends or three minutes pass first, with its output from {@code log}
     */
    static Path awaitRunDirectory(Path experiment, Process vae, Path log) throws IOException, InterruptedException {
        Path[] found = new Path[1];
        await(vae, log, "a run directory under " + experiment, () -> {
            if (Files.isDirectory(experiment)) {
                try (Stream<Path> runs = Files.list(experiment)) {
                    found[0] = runs.findFirst().orElse(null);
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    /**
     * Waits until {@code reached} holds.
     *
     * @throws AssertionError when {@code vae} ends or three minutes pass first, with its output from {@code log}
     */
    static void await(Process vae, Path log, String what, Condition reached) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && vae.isAlive()) {
            if (reached.holds()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run reached no " + what + " in time; alive: " + vae.isAlive()
                + "; its output:\n" + Files.readString(log));
    }

    /**
     * A named pipe where the run will write {@code relative}'s temporary copy, so it stops there;
     * returns the pipe, for the test to delete once it has killed the run. Pictures cannot be held
     * so: ImageIO deletes the file it writes first.
     */
    static Path holdBefore(Path run, String relative) throws IOException, InterruptedException {
        Path file = run.resolve(relative);
        return pipe(file.resolveSibling("." + file.getFileName() + ".tmp"));
    }

    /** A named pipe at {@code path}, its folders created: a process opening it to write waits there. */
    static Path pipe(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + path + " failed");
        }
        return path;
    }

    /** SIGKILLs {@code vae} and waits for it to end. */
    static void kill(Process vae) throws InterruptedException {
        vae.destroyForcibly();
        if (!vae.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("vae outlived SIGKILL");
        }
    }

    /** Something about a run directory to wait for. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws IOException;
    }
}
