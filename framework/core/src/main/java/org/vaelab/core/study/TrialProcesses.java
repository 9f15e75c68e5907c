package org.vaelab.core.study;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.vaelab.core.train.EngineThreads;

/**
 * Runs trials as separate processes, {@code parallel} at a time: each is the command that runs one
 * experiment ({@code vae run}) with {@code BASE --set ...}, its output going to the trial's log
 * file. The machine's cores are divided between them ({@code VAE_THREADS}, unless set), and
 * a trial stops when this process ends. One failing trial never stops the others.
 */
final class TrialProcesses {

    /** How one trial's process ended. */
    record Ended(Trial trial, int exitCode, double seconds, Path log) {

        boolean finished() {
            return exitCode == 0;
        }
    }

    /** The threads of each ND4J op: one, since the training engine runs ops side by side on its own threads. */
    private static final String[] KERNEL_THREAD_VARIABLES = {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
            "MKL_NUM_THREADS"};

    private final List<String> runCommand;
    private final Path base;
    private final Path runsDir;
    private final int parallel;
    private final PrintStream out;
    private final AtomicInteger ended = new AtomicInteger();

    /** @param runCommand the command that runs one experiment, {@code vae run}, without its arguments */
    TrialProcesses(List<String> runCommand, Path base, Path runsDir, int parallel, PrintStream out) {
        this.runCommand = List.copyOf(runCommand);
        this.base = base;
        this.runsDir = runsDir;
        this.parallel = parallel;
        this.out = out;
    }

    /** Runs every trial, each with its run tags, its output going to the study folder's log; waits for all. */
    List<Ended> run(List<Trial> trials, Function<Trial, Map<String, String>> tags, StudyFolder folder)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Ended>> running = new ArrayList<>();
            for (Trial trial : trials) {
                running.add(pool.submit(() -> runOne(trial, tags.apply(trial), folder.logFile(trial), trials.size())));
            }
            List<Ended> ended = new ArrayList<>();
            for (Future<Ended> future : running) {
                ended.add(future.get());
            }
            return ended;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a trial could not be started: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Ended runOne(Trial trial, Map<String, String> tags, Path log, int total) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(runCommand);
        command.addAll(List.of(base.toString(), "--runs-dir", runsDir.toString(), "--no-progress", "--stop-with",
                Long.toString(ProcessHandle.current().pid())));
        trial.assignments().forEach(assignment -> command.addAll(List.of("--set", assignment)));
        tags.forEach((key, value) -> command.addAll(List.of("--tag", key + "=" + value)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        for (String variable : KERNEL_THREAD_VARIABLES) {
            builder.environment().putIfAbsent(variable, System.getenv().getOrDefault("OMP_NUM_THREADS", "1"));
        }
        builder.environment().putIfAbsent(EngineThreads.VARIABLE,
                Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() / parallel)));
        print("start  %s", trial.name());
        long started = System.nanoTime();
        Process process = builder.start();
        int code = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        print("%s %s in %.1f s (%d of %d)%s", code == 0 ? "done  " : "FAILED", trial.name(), seconds,
                ended.incrementAndGet(), total, code == 0 ? "" : ": exit code " + code + ", see " + log);
        return new Ended(trial, code, seconds, log);
    }

    private void print(String format, Object... arguments) {
        synchronized (out) {
            out.println(String.format(Locale.ROOT, format, arguments));
        }
    }
}
