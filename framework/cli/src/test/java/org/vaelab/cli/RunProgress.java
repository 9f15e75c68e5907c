package org.vaelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Watches a {@code vae run} process from its run directory, for tests that stop it midway. */
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
}
