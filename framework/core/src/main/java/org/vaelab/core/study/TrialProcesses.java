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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.vaelab.core.run.TimeLeft;
import org.vaelab.core.train.EngineThreads;

/**
 * Runs trials as separate processes, {@code parallel} at a time: each is the command that runs one
 * experiment ({@code vae run}) with {@code BASE --set ...}, its output going to the trial's log
 * file. The machine's cores are divided between them ({@code VAE_THREADS}, unless set), and
 * a trial stops when this process ends. One failing trial never stops the others. While they run,
 * each trial's epoch lines are shown after its name, and each trial's end with the study's time left.
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

    /** How a run's epoch line begins ({@code epoch 2/5  ...}), which the sweep shows of each running trial. */
    private static final Pattern EPOCH_LINE = Pattern.compile("epoch \\d+/\\d+ ");

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
        StudyTimeLeft timeLeft = new StudyTimeLeft(trials.size(), parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Ended>> running = new ArrayList<>();
            for (Trial trial : trials) {
                running.add(pool.submit(() -> runOne(trial, tags.apply(trial), folder.logFile(trial), timeLeft,
                        trials.size())));
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

    private Ended runOne(Trial trial, Map<String, String> tags, Path log, StudyTimeLeft timeLeft, int total)
            throws IOException, InterruptedException {
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
        LogFollower follower = new LogFollower(log);
        while (!process.waitFor(1, TimeUnit.SECONDS)) {
            showEpochs(trial, follower);
        }
        showEpochs(trial, follower);
        int code = process.exitValue();
        double seconds = (System.nanoTime() - started) / 1e9;
        double studyLeft = timeLeft.ended(seconds);
        int count = ended.incrementAndGet();
        print("%s %s in %.1f s (%d of %d)%s%s", code == 0 ? "done  " : "FAILED", trial.name(), seconds, count, total,
                code == 0 ? "" : ": exit code " + code + ", see " + log,
                count < total ? "; the study: about " + TimeLeft.format(studyLeft) + " left" : "");
        return new Ended(trial, code, seconds, log);
    }

    /** Prints the epoch lines the trial wrote since the last look, each after the trial's name. */
    private void showEpochs(Trial trial, LogFollower follower) throws IOException {
        for (String line : follower.newLines()) {
            if (EPOCH_LINE.matcher(line).lookingAt()) {
                print("       %s  %s", trial.name(), line);
            }
        }
    }

    private void print(String format, Object... arguments) {
        synchronized (out) {
            out.println(String.format(Locale.ROOT, format, arguments));
        }
    }
}
