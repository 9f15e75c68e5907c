package org.vaelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.vaelab.testkit.MlflowRecord;

/**
 * A load of many tiny trials: {@code vae sweep} of a study of {@code trials} one-epoch Swiss-roll
 * VAEs (240 training examples, 16 hidden units, a metric point every step), {@code --parallel 2},
 * tracked in an MLflow server, run as a process of its own so that its memory can be read from
 * {@code /proc/PID/status} while its trials run. Then every trial's journal is compared, event
 * by event, with what MLflow holds. {@code SweepLoadTest} checks the outcome; with
 * {@code -Dvaelab.sweepLoad.report=FILE} it also writes the measurements as a Markdown table,
 * which is how {@code bench/sweep-load} runs it.
 */
final class SweepLoad {

    /** Trials after which the sweep's memory is read, besides the last. */
    static final int EARLY_TRIAL = 8;

    private static final String EXPERIMENT = "sweep-load";
    private static final Pattern TRIAL_ENDED = Pattern.compile("\\((\\d+) of \\d+\\)(;|$)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sweep JVM's resident memory after a trial ended: now ({@code VmRSS}) and its peak so far ({@code VmHWM}). */
    record Memory(int trialsEnded, long residentKb, long peakKb) {
    }

    /**
     * What one trial's journal holds that MLflow lacks.
     *
     * @param runDirectory the trial's run folder
     * @param missingPoints metric points of the journal (key, step, value) without their MLflow point
     * @param missingArtifacts artifacts, pictures of image series and logged models of the journal MLflow does not hold
     * @param statusDiffers whether MLflow's status differs from the journal's end event
     */
    record TrialRecord(Path runDirectory, int journalPoints, int missingPoints, int missingArtifacts,
            boolean statusDiffers) {

        boolean complete() {
            return missingPoints == 0 && missingArtifacts == 0 && !statusDiffers;
        }
    }

    /**
     * How the load went.
     *
     * @param exitCode the sweep's exit code
     * @param output what the sweep printed
     * @param memory the sweep JVM's memory after each trial ended, by trials ended
     * @param unsentWarnings trial log lines saying events were left for {@code vae sync}
     */
    record Outcome(int trials, int exitCode, String output, double wallSeconds, Map<Integer, Memory> memory,
                   List<TrialRecord> records, List<String> unsentWarnings) {

        int missingPoints() {
            return records.stream().mapToInt(TrialRecord::missingPoints).sum();
        }

        int journalPoints() {
            return records.stream().mapToInt(TrialRecord::journalPoints).sum();
        }

        /** The first reading taken after at least {@code trialsEnded} trials had ended. */
        Memory memoryAfter(int trialsEnded) {
            return memory.entrySet().stream().filter(entry -> entry.getKey() >= trialsEnded).findFirst()
                    .map(Map.Entry::getValue).orElseThrow(() -> new IllegalStateException(
                            "no memory reading after trial " + trialsEnded + "; readings: " + memory.keySet()));
        }

        /** The measurements as a Markdown table. */
        String table() {
            Memory early = memoryAfter(EARLY_TRIAL);
            Memory last = memoryAfter(trials);
            return String.format(Locale.ROOT, """
                    | trials | parallel | wall s | sweep RSS MiB after trial %d (peak) \
                    | sweep RSS MiB after trial %d (peak) \
                    | metric points in journals | missing in MLflow | trials incomplete |
                    |---|---|---|---|---|---|---|---|
                    | %d | 2 | %.0f | %.0f (%.0f) | %.0f (%.0f) | %d | %d | %d |
                    """, EARLY_TRIAL, trials, trials, wallSeconds, early.residentKb() / 1024.0, early.peakKb() / 1024.0,
                    last.residentKb() / 1024.0, last.peakKb() / 1024.0, journalPoints(), missingPoints(),
                    records.stream().filter(record -> !record.complete()).count());
        }
    }

    private SweepLoad() {
    }

    /** Runs the load in {@code work} against the MLflow server at {@code mlflowUri}. */
    static Outcome run(Path work, String mlflowUri, int trials) throws IOException, InterruptedException {
        Path study = writeStudy(work, mlflowUri, trials);
        Path runs = work.resolve("runs");
        Path log = work.resolve("sweep.log");
        long started = System.nanoTime();
        Process sweep = CommandLineRunner.process(log, List.of("-Xmx1g"), "sweep", study.toString(), "--parallel", "2",
                "--runs-dir", runs.toString()).start();
        Map<Integer, Memory> memory = watch(sweep, log);
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        List<TrialRecord> records = new ArrayList<>();
        for (Path run : runDirectories(runs.resolve(EXPERIMENT))) {
            records.add(compare(run, mlflowUri));
        }
        return new Outcome(trials, sweep.exitValue(), Files.readString(log), wallSeconds, memory, records,
                unsentWarnings(runs));
    }

    /** A base spec of a tiny trial and a study of {@code trials} of it: eight betas, then seeds. */
    private static Path writeStudy(Path work, String mlflowUri, int trials) throws IOException {
        TestSpecs.write(work, "base.yaml", """
                name: %s
                seed: 1
                data: {type: swiss_roll, n: 300}
                model:
                  latent_dim: 2
                  encoder: {type: mlp, hidden: [16]}
                  decoder: {type: mlp, hidden: [16]}
                likelihood: {type: gaussian, sigma: fixed, sigma_value: 0.1}
                train: {epochs: 1, batch_size: 30, log_every_steps: 1}
                eval: {iwae_samples: 0}
                tracking: [{type: mlflow, uri: '%s', request_timeout_seconds: 30}]
                """.formatted(EXPERIMENT, mlflowUri));
        int betas = Math.min(trials, 8);
        if (trials % betas != 0) {
            throw new IllegalArgumentException("a load of " + trials + " trials is not a multiple of " + betas);
        }
        return TestSpecs.write(work, "load.yaml", """
                name: %s
                base: base.yaml
                grid:
                  kl.beta: %s
                seeds: %s
                max_runs: %d
                """.formatted(EXPERIMENT,
                IntStream.rangeClosed(1, betas).mapToObj(i -> Double.toString(i / 4.0)).toList(),
                IntStream.rangeClosed(1, trials / betas).boxed().toList(), trials));
    }

    /** Reads the sweep's memory each time its log says another trial ended, until it exits. */
    private static Map<Integer, Memory> watch(Process sweep, Path log) throws IOException, InterruptedException {
        Map<Integer, Memory> memory = new TreeMap<>();
        Path status = Path.of("/proc", Long.toString(sweep.pid()), "status");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (sweep.isAlive() && System.nanoTime() < deadline) {
            int ended = trialsEnded(log);
            if (ended > 0 && !memory.containsKey(ended)) {
                readMemory(status, ended).ifPresent(reading -> memory.put(ended, reading));
            }
            Thread.sleep(50);
        }
        if (!sweep.waitFor(1, TimeUnit.SECONDS)) {
            sweep.destroyForcibly();
            throw new AssertionError("the sweep did not end within 30 minutes:\n" + Files.readString(log));
        }
        return memory;
    }

    private static int trialsEnded(Path log) throws IOException {
        int ended = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher matcher = TRIAL_ENDED.matcher(line);
            if (matcher.find()) {
                ended = Math.max(ended, Integer.parseInt(matcher.group(1)));
            }
        }
        return ended;
    }

    private static Optional<Memory> readMemory(Path status, int ended) {
        try {
            long resident = -1;
            long peak = -1;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    resident = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line);
                }
            }
            return resident < 0 ? Optional.empty() : Optional.of(new Memory(ended, resident, peak));
        } catch (IOException exited) {
            return Optional.empty();
        }
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /** What of {@code run}'s journal MLflow lacks. */
    private static TrialRecord compare(Path run, String mlflowUri) throws IOException {
        String runId = null;
        String endStatus = null;
        List<MlflowRecord.Point> journalPoints = new ArrayList<>();
        List<String> artifacts = new ArrayList<>();
        List<String> imagePrefixes = new ArrayList<>();
        int models = 0;
        for (String line : Files.readAllLines(run.resolve("journal.jsonl"))) {
            JsonNode event = JSON.readTree(line);
            switch (event.path("event").asText()) {
                case "start" -> runId = event.path("run_id").asText();
                case "metrics" -> event.path("values").fields().forEachRemaining(value -> journalPoints.add(
                        new MlflowRecord.Point(value.getKey(), event.path("step").asLong(), value.getValue().asDouble(),
                                0)));
                case "artifact" -> artifacts.add(event.path("artifact_path").asText());
                case "image" -> imagePrefixes.add("images/" + event.path("key").asText() + "+step+"
                        + event.path("step").asLong() + "+");
                case "model" -> models++;
                case "end" -> endStatus = event.path("status").asText();
                default -> throw new IllegalStateException(run + ": unknown journal event " + line);
            }
        }
        MlflowRecord record = MlflowRecord.find(mlflowUri, EXPERIMENT, runId).orElse(null);
        if (record == null) {
            return new TrialRecord(run, journalPoints.size(), journalPoints.size(),
                    artifacts.size() + imagePrefixes.size() + models, true);
        }
        Set<String> held = new HashSet<>();
        record.points().forEach(point -> held.add(pointKey(point)));
        int missingPoints = (int) journalPoints.stream().filter(point -> !held.contains(pointKey(point))).count();
        Set<String> heldArtifacts = record.artifacts().keySet();
        int missingArtifacts = (int) artifacts.stream().filter(path -> !heldArtifacts.contains(path)).count()
                + (int) imagePrefixes.stream().filter(prefix -> heldArtifacts.stream().noneMatch(
                        path -> path.startsWith(prefix))).count()
                + Math.max(0, models - record.loggedModels().size());
        return new TrialRecord(run, journalPoints.size(), missingPoints, missingArtifacts,
                !record.status().equals(endStatus));
    }

    private static String pointKey(MlflowRecord.Point point) {
        return point.key() + "@" + point.step() + "=" + Double.doubleToLongBits(point.value());
    }

    private static List<Path> runDirectories(Path experiment) throws IOException {
        try (Stream<Path> runs = Files.list(experiment)) {
            return runs.filter(run -> Files.exists(run.resolve("journal.jsonl"))).sorted().toList();
        }
    }

    /** Lines of the trials' logs saying events were left unsent. */
    private static List<String> unsentWarnings(Path runs) throws IOException {
        try (Stream<Path> files = Files.walk(runs)) {
            List<String> warnings = new ArrayList<>();
            for (Path log : files.filter(file -> file.toString().endsWith(".log")).toList()) {
                Files.readAllLines(log).stream().filter(line -> line.contains("were not sent")).forEach(warnings::add);
            }
            return warnings;
        }
    }
}
