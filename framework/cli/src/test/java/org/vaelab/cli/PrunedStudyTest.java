package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * A study with successive halving end to end: three trials of learning rates to a rung at epoch 1,
 * where the best by validation ELBO continues to epoch 2 and the other two end PRUNED. Run one
 * trial at a time and two at a time, it takes the same decisions and writes the same summary
 * (wall time aside); run again after a stop before a rung's decision, it trains nothing and takes
 * the same decision; and the trial that continued from its rung's checkpoint logged what an
 * uninterrupted run logs. The run two at a time also goes to MLflow, where the pruned trials' runs
 * are KILLED and tagged vaelab.pruned. Run as two shards, each run again until it is done, the
 * first waits at the rung for the other's trial, and the summary is the same again.
 */
class PrunedStudyTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    /** Three trials of learning rates, two epochs, a rung at epoch 1 that keeps one. */
    static final String STUDY = """
            name: pruned
            base: base.yaml
            set: {train.epochs: 2}
            grid:
              optimizer.lr: [3.0e-4, 3.0e-3, 1.0e-4]
            pruning: {type: successive_halving, metric: val/elbo, min_epochs: 1, eta: 3}
            """;

    @TempDir
    Path work;

    @Test
    void theDryRunPrintsTheRungsAndBadPruningIsLocated() throws IOException {
        TestSpecs.write(work, "base.yaml", TestSpecs.TINY_FASHION);
        Path study = TestSpecs.write(work, "pruned.yaml", STUDY.replace("train.epochs: 2", "train.epochs: 9")
                .replace("optimizer.lr: [", "optimizer.lr: [1.0e-3, "));
        CommandLineRunner.Outcome dryRun = CommandLineRunner.vae("sweep", study.toString(), "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun.out() + dryRun.err());
        assertTrue(dryRun.out().contains("pruning: successive halving on val/elbo, eta 3; rungs: epoch 1 (4 trials)"
                + " epoch 3 (1 trials) epoch 9 (1 trials)"), dryRun.out());

        Path late = TestSpecs.write(work, "late.yaml", STUDY.replace("min_epochs: 1", "min_epochs: 2"));
        CommandLineRunner.Outcome tooLate = CommandLineRunner.vae("sweep", late.toString(), "--dry-run");
        assertEquals(2, tooLate.exitCode(), tooLate.out());
        assertTrue(tooLate.err().contains("1) [study/BadPruning] pruning.min_epochs (line 6, col 1): the first rung"
                + " (2) must come before the last epoch, train.epochs = 2"), tooLate.err());

        Path unevaluated = TestSpecs.write(work, "unevaluated.yaml", STUDY.replace("train.epochs: 2",
                "train.epochs: 4, eval.every_epochs: 2"));
        CommandLineRunner.Outcome notEvaluated = CommandLineRunner.vae("sweep", unevaluated.toString(), "--dry-run");
        assertEquals(2, notEvaluated.exitCode(), notEvaluated.out());
        assertTrue(notEvaluated.err().contains("[study/BadPruning] pruning.min_epochs (line 6, col 1): every rung"
                + " must be an epoch the trials evaluate: min_epochs = 1 is not a multiple of eval.every_epochs = 2"),
                notEvaluated.err());

        Path recon = TestSpecs.write(work, "recon.yaml", STUDY.replace("val/elbo", "val/recon"));
        CommandLineRunner.Outcome wrongMetric = CommandLineRunner.vae("sweep", recon.toString(), "--dry-run");
        assertEquals(2, wrongMetric.exitCode(), wrongMetric.out());
        assertTrue(wrongMetric.err().contains("pruning.metric") && wrongMetric.err().contains("must be val/elbo"),
                wrongMetric.err());

        CommandLineRunner.Outcome one = CommandLineRunner.vae("sweep", study.toString(), "--only", "1",
                "--runs-dir", work.resolve("runs").toString());
        assertEquals(2, one.exitCode(), one.out());
        assertTrue(one.err().contains("--only: a study with pruning runs its trials rung by rung, each rung decided"
                + " from all of them"), one.err());
        CommandLineRunner.Outcome k8s = CommandLineRunner.vae("sweep", study.toString(), "--launcher", "k8s",
                "--image", "vaelab:latest", "--runs-dir", work.resolve("runs").toString());
        assertEquals(2, k8s.exitCode(), k8s.out());
        assertTrue(k8s.err().contains("--launcher k8s: a study with pruning"), k8s.err());
        assertFalse(Files.exists(work.resolve("runs")), "nothing is written");
    }

    @Test
    void asTwoShardsRunAgainUntilDoneTheSamePrunedTrialsGiveTheSameSummary() throws IOException {
        TestSpecs.write(work, "base.yaml", TestSpecs.TINY_FASHION);
        Path study = TestSpecs.write(work, "pruned.yaml", STUDY);
        Path sequential = work.resolve("sequential");
        CommandLineRunner.Outcome whole = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                sequential.toString());
        assertEquals(0, whole.exitCode(), whole.out() + whole.err());
        assertTrue(Pattern.compile("done +t00\\d-\\S+ in [\\d.]+ s \\(1 of 1\\)").matcher(whole.out()).find(),
                "each rung counts its own trials: " + whole.out());

        // shard 0 has trials 0 and 2, shard 1 trial 1: the first to run waits at the first rung for the other
        Path sharded = work.resolve("sharded");
        CommandLineRunner.Outcome first = shard(study, sharded, 0);
        assertTrue(first.out().contains("waiting: the rung at epoch 1 (1 of 2) waits on 1 trials of other shards"
                + " that have neither reached it nor ended: t001-"), first.out());
        assertFalse(first.out().contains("rung at epoch 1:"), "no decision: " + first.out());
        List<Path> paused = runs(sharded);
        assertEquals(2, paused.size());
        for (Path run : paused) {
            assertTrue(Files.readString(run.resolve("provenance.json")).contains("\"status\" : \"KILLED\""), run
                    + " is paused at its rung");
        }
        Map<Integer, Boolean> done = new LinkedHashMap<>(Map.of(0, false, 1, false));
        int runsOfShards = 1;
        for (int next = 1; done.containsValue(false); next = 1 - next) {
            assertTrue(runsOfShards++ < 6, "the shards are done after a few runs each");
            CommandLineRunner.Outcome outcome = shard(study, sharded, next);
            done.put(next, outcome.out().contains("done: every trial of this sweep finished, was pruned or failed"));
            assertTrue(done.get(next) || outcome.out().contains("waiting: "), outcome.out());
        }
        CommandLineRunner.Outcome summarized = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                sharded.toString(), "--summarize");
        assertEquals(0, summarized.exitCode(), summarized.out() + summarized.err());
        assertTrue(summarized.out().contains("summary: 1 of 3 trials finished, 2 pruned;"), summarized.out());
        assertEquals(summaryRows(sequential), summaryRows(sharded), "summary.csv but its wall time");
        Map<String, String> reasons = endings(sequential);
        assertEquals(2, reasons.values().stream().filter(ending -> ending.startsWith("PRUNED pruned at epoch 1: "
                + "val/elbo ") && ending.endsWith(", not among the best 1 of 3 trials")).count(), reasons.toString());
        assertEquals(reasons, endings(sharded), "each trial's status and reason, by its spec hash");
    }

    /** Each trial run's status and reason (provenance.json's status and failure), by its spec hash. */
    private static Map<String, String> endings(Path runs) throws IOException {
        Map<String, String> endings = new LinkedHashMap<>();
        for (Path run : runs(runs)) {
            JsonNode record = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
            endings.put(record.path("spec_sha256").asText(), record.path("status").asText() + " "
                    + record.path("failure").asText());
        }
        return endings;
    }

    /** Runs shard {@code index} of two of {@code study}; it ends well, done or waiting. */
    private static CommandLineRunner.Outcome shard(Path study, Path runsDir, int index) {
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("sweep", study.toString(), "--shard", index + "/2",
                "--runs-dir", runsDir.toString());
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        return outcome;
    }

    @Test
    void oneOrTwoAtATimeTheSameTrialsArePrunedAndTheSummariesAreEqual() throws IOException {
        TestSpecs.write(work, "base.yaml", TestSpecs.TINY_FASHION);
        Path study = TestSpecs.write(work, "pruned.yaml", STUDY);
        Path sequential = work.resolve("sequential");
        CommandLineRunner.Outcome one = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                sequential.toString());
        assertEquals(0, one.exitCode(), one.out() + one.err());
        assertTrue(one.out().contains("summary: 1 of 3 trials finished, 2 pruned;"), one.out());
        Path parallel = work.resolve("parallel");
        Path tracked = Files.createDirectories(work.resolve("tracked"));
        TestSpecs.write(tracked, "base.yaml", TestSpecs.TINY_FASHION + "tracking: [{type: mlflow, uri: '"
                + MLFLOW.server().uri() + "', request_timeout_seconds: 30, flush_timeout_seconds: 600}]\n");
        CommandLineRunner.Outcome two = CommandLineRunner.vae("sweep", TestSpecs.write(tracked, "pruned.yaml", STUDY)
                .toString(), "--parallel", "2", "--runs-dir", parallel.toString());
        assertEquals(0, two.exitCode(), two.out() + two.err());
        assertEquals(summaryRows(sequential), summaryRows(parallel), "summary.csv but its wall time");

        // the decision, taken again by hand: the best validation ELBO at epoch 1 continues
        Map<String, Double> atRung = new LinkedHashMap<>();
        Map<String, Path> runOf = new LinkedHashMap<>();
        Map<String, String> lrOfHash = new LinkedHashMap<>();
        for (String line : Files.readAllLines(studyFolder(sequential).resolve("plan.csv")).subList(1, 4)) {
            String[] cells = line.split(",");
            lrOfHash.put(cells[4].substring(0, 8), cells[2]);
        }
        for (Path run : runs(sequential)) {
            String name = run.getFileName().toString();
            String lr = lrOfHash.get(name.substring(name.length() - 8));
            atRung.put(lr, metricRows(run).stream().filter(row -> row.get("metric").equals("val/elbo")
                    && row.get("epoch").equals("1")).mapToDouble(row -> Double.parseDouble(row.get("value")))
                    .findFirst().orElseThrow());
            runOf.put(lr, run);
        }
        List<String> best = atRung.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).limit(1).toList();
        for (CSVRecord row : summary(sequential)) {
            String status = best.contains(row.get("optimizer.lr")) ? "FINISHED" : "PRUNED";
            assertEquals(status, row.get("status"), row.toString());
            assertTrue(Files.readString(runOf.get(row.get("optimizer.lr")).resolve("provenance.json"))
                    .contains("\"status\" : \"" + status + "\""), row.toString());
        }
        assertTrue(Files.readString(studyFolder(sequential).resolve("best.yaml"))
                .contains("-lr=" + best.get(0) + "-seed=7,"),
                "the finished trial is the best, whatever the pruned ones' test ELBO");

        MlflowRecord parent = MlflowRecord.search(MLFLOW.server().uri(), "pruned", "tags.`vaelab.role` = 'study'")
                .get(0);
        assertEquals("FINISHED", parent.status(), "every trial finished or was pruned");
        List<MlflowRecord> children = MlflowRecord.search(MLFLOW.server().uri(), "pruned",
                "tags.`mlflow.parentRunId` = '" + parent.runId() + "'");
        assertEquals(3, children.size());
        for (MlflowRecord child : children) {
            boolean finished = child.tags().get("vaelab.trial").contains("-lr=" + best.get(0) + "-");
            assertEquals(finished ? "FINISHED" : "KILLED", child.status(), child.tags().toString());
            assertEquals(finished ? null : "true", child.tags().get("vaelab.pruned"), child.tags().toString());
        }

        // a sweep stopped after a rung's trials paused there, before it marked any PRUNED: run again, it
        // trains nothing, takes the decision again from the logged metrics and marks the same trials
        Path pruned = runOf.values().stream().filter(run -> !run.equals(runOf.get(best.get(0)))).findFirst()
                .orElseThrow();
        Path record = pruned.resolve("provenance.json");
        Files.writeString(record, Files.readString(record).replace("\"status\" : \"PRUNED\"",
                "\"status\" : \"KILLED\""));
        CommandLineRunner.Outcome again = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                sequential.toString());
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("0 trainings to a rung ended well, 0 failed"), again.out());
        assertTrue(Files.readString(record).contains("\"status\" : \"PRUNED\""));
        assertEquals(summaryRows(parallel), summaryRows(sequential), "decided again from the logged metrics");

        // a trial that went on from its rung's checkpoint logged what a run without a pause logs
        Path uninterrupted = work.resolve("uninterrupted");
        CommandLineRunner.Outcome run = CommandLineRunner.vae("run", work.resolve("base.yaml").toString(),
                "--no-progress", "--runs-dir", uninterrupted.toString(), "--set", "train.epochs=2", "--set",
                "name=pruned", "--set", "optimizer.lr=" + best.get(0));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(untimed(runs(uninterrupted).get(0)), untimed(runOf.get(best.get(0))));
    }

    /** summary.csv's lines without the last column, wall time. */
    static List<String> summaryRows(Path runs) throws IOException {
        return Files.readAllLines(studyFolder(runs).resolve("summary.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    private static List<CSVRecord> summary(Path runs) throws IOException {
        try (Reader reader = Files.newBufferedReader(studyFolder(runs).resolve("summary.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        }
    }

    /** metrics.csv's rows but the times, which no two runs share. */
    private static List<String> untimed(Path run) throws IOException {
        List<String> rows = new ArrayList<>();
        metricRows(run).stream().filter(row -> !row.get("metric").startsWith("time/"))
                .forEach(row -> rows.add(String.join(",", row.toList())));
        return rows;
    }

    private static List<CSVRecord> metricRows(Path run) throws IOException {
        try (Reader reader = Files.newBufferedReader(run.resolve("metrics.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        }
    }

    /** The run directories of the study's experiment. */
    private static List<Path> runs(Path runs) throws IOException {
        try (Stream<Path> folders = Files.list(runs.resolve("pruned"))) {
            return folders.sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static Path studyFolder(Path runs) throws IOException {
        try (Stream<Path> folders = Files.list(runs.resolve("studies"))) {
            return folders.findFirst().orElseThrow();
        }
    }
}
