package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * {@code vae sweep} end to end, against a real MLflow server, on a four-trial study of
 * beta and latent size: on one machine (two trials at a time), as three shard processes, and
 * killed with SIGKILL and run again. Every way gives the same summary, wall time aside.
 */
class StudySweepTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    private static final List<String> PLOTS = List.of("plots/elbo_vs_kl.beta.png", "plots/elbo_vs_model.latent_dim.png",
            "plots/rate_distortion.png");

    @TempDir
    static Path work;

    /** summary.csv of the study run on one machine, without its wall time column. */
    private static List<String> oneMachine;
    /** What the sweep on one machine printed. */
    private static String oneMachineOut;

    @BeforeAll
    static void runTheStudyOnOneMachine() throws IOException {
        Path study = study("one-machine", true);
        CommandLineRunner.Outcome outcome = CommandLineRunner.vae("sweep", study.toString(), "--parallel", "2",
                "--runs-dir", work.resolve("one-machine-runs").toString());
        assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("4 trials finished, 0 failed"), outcome.out());
        assertTrue(outcome.out().contains("<- best\n") && outcome.out().contains("best trial by validation ELBO: t00"),
                outcome.out());
        oneMachine = summaryRows(work.resolve("one-machine-runs"));
        oneMachineOut = outcome.out();
    }

    /**
     * The parent run shows the best trial (the highest validation ELBO of summary.csv) and the metric
     * that chose it, the mean test
     * ELBO of each swept value's trials, the summary table and each trial's one-line description;
     * the sweep prints the parent's address in the runs view; and running the finished study again
     * leaves the parent as it was: status, end time and metric points.
     */
    @Test
    void theParentShowsTheBestTrialAndTheSummaryAndANoOpRerunLeavesItAsItWas() throws IOException {
        MlflowRecord parent = parent("one-machine");
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(studyFolder(work.resolve("one-machine-runs"))
                .resolve("summary.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        }
        CSVRecord best = rows.stream().max(Comparator.comparingDouble(row -> Double.parseDouble(row.get("val_elbo"))))
                .orElseThrow();
        Map<String, String> tags = parent.tags();
        assertEquals(best.get("trial"), tags.get("vaelab.best_trial"));
        assertEquals("val/elbo", tags.get("vaelab.best_ranked_by"));
        List<MlflowRecord> children = MlflowRecord.search(MLFLOW.server().uri(), "one-machine",
                "tags.`mlflow.parentRunId` = '" + parent.runId() + "'");
        MlflowRecord bestRun = children.stream().filter(child -> child.runId().equals(tags.get("vaelab.best_run_id")))
                .findFirst().orElseThrow();
        assertEquals(best.get("trial"), bestRun.tags().get("vaelab.trial"));
        assertEquals(bestRun.metrics().get("test/elbo"), parent.metrics().get("best/test/elbo"));
        assertEquals(bestRun.metrics().get("val/elbo"), parent.metrics().get("best/val/elbo"));
        for (String beta : List.of("0.5", "2")) {
            double mean = rows.stream().filter(row -> row.get("kl.beta").equals(beta))
                    .mapToDouble(row -> Double.parseDouble(row.get("test_elbo"))).average().orElseThrow();
            assertEquals(mean, parent.metrics().get("sweep/kl.beta/" + beta + "/test/elbo"), 1e-9 * Math.abs(mean));
        }
        String description = tags.get("mlflow.note.content");
        assertTrue(description.contains("| trial | kl.beta | model.latent_dim |"), description);
        assertTrue(description.contains("| **" + best.get("trial") + "** |"), description);
        rows.forEach(row -> assertTrue(description.contains(row.get("trial")), description));
        for (MlflowRecord child : children) {
            int index = Integer.parseInt(child.tags().get("vaelab.trial_index"));
            assertTrue(child.tags().get("mlflow.note.content").startsWith("Trial " + (index + 1)
                    + " of 4 of study one-machine: kl.beta="), child.tags().toString());
        }
        String link = MLFLOW.server().uri() + "/#/experiments/" + parent.experimentId() + "/runs/" + parent.runId()
                + "?workflowType=machine_learning";
        assertTrue(oneMachineOut.contains("study parent run in mlflow: " + link), oneMachineOut);
        assertTrue(oneMachineOut.contains("study parent run: " + link), oneMachineOut);

        CommandLineRunner.Outcome rerun = CommandLineRunner.vae("sweep", work.resolve("one-machine/one-machine.yaml")
                .toString(), "--runs-dir", work.resolve("one-machine-runs").toString());
        assertEquals(0, rerun.exitCode(), rerun.out() + rerun.err());
        assertTrue(rerun.out().contains("4 of them finished already; running 0"), rerun.out());
        MlflowRecord after = parent("one-machine");
        assertEquals("FINISHED", after.status());
        assertEquals(parent.endTime(), after.endTime(), "the parent's duration is kept");
        assertEquals(parent.points(), after.points(), "no metric point added");
        assertEquals(tags, after.tags());
    }

    @Test
    void aStudyIsOneParentRunWithAChildPerTrialAndItsSummaryAndPlots() throws IOException {
        Path folder = studyFolder(work.resolve("one-machine-runs"));
        assertEquals(4, oneMachine.size() - 1);
        for (String row : oneMachine.subList(1, oneMachine.size())) {
            assertTrue(row.matches("\\d,t00\\d-beta=.*,FINISHED,-\\d+\\.\\d+,"
                    + "-\\d+\\.\\d+,\\d+\\.\\d+,\\d+\\.\\d+,-\\d+\\.\\d+,[0-4]\\.0"), row);
        }
        for (String plot : PLOTS) {
            assertTrue(Files.size(folder.resolve(plot)) > 10_000, plot + " is a drawn chart");
        }
        MlflowRecord parent = parent("one-machine");
        assertEquals("FINISHED", parent.status());
        assertEquals(planHashes(folder), childHashes("one-machine", parent, work.resolve("one-machine-runs")),
                "one child per trial");
        Map<String, Long> artifacts = parent.artifacts();
        for (String file : List.of("study.yaml", "plan.csv", "summary.csv", "best.yaml", PLOTS.get(0), PLOTS.get(1),
                PLOTS.get(2))) {
            assertEquals(Files.size(folder.resolve(file)), artifacts.get(file), file);
        }
        assertArrayEquals(Files.readAllBytes(folder.resolve("summary.csv")), parent.artifact("summary.csv"));
    }

    @Test
    void threeShardsRunEachTrialOnceUnderOneParentAndSummarizeAsOneMachineDoes() throws Exception {
        Path study = study("sharded", true);
        List<Process> shards = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            shards.add(vaeProcess(work.resolve("shard-" + shard + ".log"), "sweep", study.toString(), "--shard",
                    shard + "/3", "--runs-dir", work.resolve("shard-" + shard).toString()));
        }
        for (int shard = 0; shard < 3; shard++) {
            assertTrue(shards.get(shard).waitFor(300, TimeUnit.SECONDS), "shard " + shard + " ends");
            assertEquals(0, shards.get(shard).exitValue(), Files.readString(work.resolve("shard-" + shard + ".log")));
        }
        CommandLineRunner.Outcome summary = CommandLineRunner.vae("sweep", study.toString(), "--summarize",
                "--runs-dir", work.resolve("summary-runs").toString());
        assertEquals(0, summary.exitCode(), () -> summary.out() + summary.err() + "the shards said:\n" + shardLogs()
                + trialLogs(work.resolve("shard-0"), work.resolve("shard-1"), work.resolve("shard-2")));
        MlflowRecord parent = parent("sharded");
        assertEquals(planHashes(studyFolder(work.resolve("summary-runs"))), childHashes("sharded", parent,
                work.resolve("shard-0"), work.resolve("shard-1"), work.resolve("shard-2")));
        assertEquals(4, MlflowRecord.search(MLFLOW.server().uri(), "sharded", "tags.`vaelab.study_sha256` = '"
                + parent.tags().get("vaelab.study_sha256") + "'").size() - 1, "no trial ran twice");
        assertEquals(oneMachine, summaryRows(work.resolve("summary-runs")),
                () -> "the summary, built from MLflow alone; the shards said:\n" + shardLogs());
    }

    @Test
    void aStudyKilledMidwayRunsOnlyItsUnfinishedTrialsWhenRunAgain() throws Exception {
        Path study = study("resumed", false);
        Path runs = work.resolve("resumed-runs");
        Process sweep = vaeProcess(work.resolve("resumed.log"), "sweep", study.toString(), "--runs-dir",
                runs.toString());
        awaitFinishedTrial(runs.resolve("resumed"), sweep);
        sweep.destroyForcibly();
        assertTrue(sweep.waitFor(30, TimeUnit.SECONDS));
        awaitNoRunningTrial(runs.resolve("resumed"));
        Set<Path> finishedBefore = finished(runs.resolve("resumed"));
        int before = runDirectories(runs.resolve("resumed")).size();
        long stoppedWithCheckpoint = runDirectories(runs.resolve("resumed")).stream()
                .filter(run -> Files.exists(run.resolve("checkpoints/last.ckpt"))).count() - finishedBefore.size();
        assertTrue(finishedBefore.size() < 4, "killed midway");

        CommandLineRunner.Outcome rerun = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                runs.toString());
        assertEquals(0, rerun.exitCode(), rerun.out() + rerun.err());
        int left = 4 - finishedBefore.size();
        assertTrue(rerun.out().contains(finishedBefore.size() + " of them finished already; running " + left),
                rerun.out());
        Set<Path> finishedAfter = finished(runs.resolve("resumed"));
        assertEquals(4, finishedAfter.size());
        assertTrue(finishedAfter.containsAll(finishedBefore), "finished trials are kept, not run again");
        assertEquals(before + left - stoppedWithCheckpoint, runDirectories(runs.resolve("resumed")).size(),
                "only the unfinished trials ran, a stopped one continuing in its own folder");
        assertEquals(oneMachine, summaryRows(runs));
    }

    /** A study named {@code name} of the tiny spec, tracked in MLflow or not. */
    private static Path study(String name, boolean tracked) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        TestSpecs.write(folder, "base.yaml", TestSpecs.TINY_FASHION + (tracked ? "tracking: [{type: mlflow, uri: '"
                + MLFLOW.server().uri() + "', request_timeout_seconds: 30, flush_timeout_seconds: 600}]\n" : ""));
        return TestSpecs.write(folder, name + ".yaml", "name: " + name + "\n" + TestSpecs.BETA_LATENT_STUDY);
    }

    /** The three shards' logs, to tell a trial MLflow never heard end from one that failed. */
    private static String shardLogs() {
        StringBuilder logs = new StringBuilder();
        for (int shard = 0; shard < 3; shard++) {
            try {
                logs.append(Files.readString(work.resolve("shard-" + shard + ".log")));
            } catch (IOException e) {
                logs.append("shard ").append(shard).append(": ").append(e).append('\n');
            }
        }
        return logs.toString();
    }

    /** Every trial log of the studies in {@code runsDirs}, each under its path. */
    private static String trialLogs(Path... runsDirs) {
        StringBuilder logs = new StringBuilder();
        for (Path runs : runsDirs) {
            try (Stream<Path> files = Files.walk(runs.resolve("studies"))) {
                for (Path log : files.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
                    logs.append("== ").append(log).append('\n').append(Files.readString(log));
                }
            } catch (IOException e) {
                logs.append(runs).append(": ").append(e).append('\n');
            }
        }
        return logs.toString();
    }

    private static Process vaeProcess(Path log, String... args) throws IOException {
        return CommandLineRunner.process(log, List.of(), args).start();
    }

    private static Path studyFolder(Path runs) throws IOException {
        try (Stream<Path> folders = Files.list(runs.resolve("studies"))) {
            return folders.findFirst().orElseThrow();
        }
    }

    /** summary.csv's lines without the last column, wall time. */
    private static List<String> summaryRows(Path runs) throws IOException {
        return Files.readAllLines(studyFolder(runs).resolve("summary.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    private static Set<String> planHashes(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve("plan.csv")).stream().skip(1)
                .map(line -> line.substring(line.lastIndexOf(',') + 1)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static MlflowRecord parent(String experiment) throws IOException {
        List<MlflowRecord> parents = MlflowRecord.search(MLFLOW.server().uri(), experiment,
                "tags.`vaelab.role` = 'study'");
        assertEquals(1, parents.size(), "one parent run");
        return parents.get(0);
    }

    /**
     * The spec hashes of the parent's children, each finished; a set the size of the children. A
     * child that is not finished fails with its tags and the logs of the trials in {@code runsDirs}.
     */
    private static Set<String> childHashes(String experiment, MlflowRecord parent,
            Path... runsDirs) throws IOException {
        List<MlflowRecord> children = MlflowRecord.search(MLFLOW.server().uri(), experiment,
                "tags.`mlflow.parentRunId` = '" + parent.runId() + "'");
        for (MlflowRecord child : children) {
            assertEquals("FINISHED", child.status(), () -> "child " + child.runId() + " tagged " + child.tags()
                    + "; the trials said:\n" + trialLogs(runsDirs));
        }
        Set<String> hashes = children.stream().map(child -> child.tags().get("vaelab.spec_sha256"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(children.size(), hashes.size(), "no trial twice");
        return hashes;
    }

    private static List<Path> runDirectories(Path experiment) throws IOException {
        if (!Files.isDirectory(experiment)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(experiment)) {
            return runs.filter(run -> Files.exists(run.resolve("provenance.json"))).toList();
        }
    }

    private static String status(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("status").asText();
    }

    private static Set<Path> finished(Path experiment) throws IOException {
        Set<Path> finished = new TreeSet<>();
        for (Path run : runDirectories(experiment)) {
            if (status(run).equals("FINISHED")) {
                finished.add(run);
            }
        }
        return finished;
    }

    /** Waits until a trial of the running study has finished. */
    private static void awaitFinishedTrial(Path experiment, Process sweep) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && sweep.isAlive()) {
            if (!finished(experiment).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no trial finished while the study ran; alive: " + sweep.isAlive() + "; output:\n"
                + Files.readString(work.resolve("resumed.log")));
    }

    /** Waits until the trial that ran when its study was killed has stopped and said so. */
    private static void awaitNoRunningTrial(Path experiment) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean running = false;
            for (Path run : runDirectories(experiment)) {
                running |= status(run).equals("RUNNING");
            }
            if (!running) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("a trial kept running after its study was killed");
    }
}
