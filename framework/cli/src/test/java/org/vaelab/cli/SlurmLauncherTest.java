package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * {@code vae sweep --launcher slurm} against a real Slurm: Debian's slurm-wlm, a one-node cluster
 * of {@code scripts/slurm-cluster} on this machine. A study submitted as a two-task array with its
 * summary job; a study with pruning as an array per rung, each after the one before, which ends
 * with the summary of the study run in one process; a task stopped with SIGTERM mid-trial and
 * requeued, which continues the trial from its checkpoint; options sbatch cannot take, and no
 * sbatch at all.
 */
class SlurmLauncherTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    private static final Pattern SUBMITTED = Pattern.compile("submitted job array (\\d+) .* summary job (\\d+)");

    /** One trial, four epochs of a few seconds each: time to stop it between checkpoints. */
    private static final String FOUR_EPOCHS = TestSpecs.TINY_FASHION.replace("train_limit: 1200", "train_limit: 4200")
            .replace("epochs: 1", "epochs: 4");

    @TempDir
    static Path work;

    @BeforeAll
    static void startTheCluster() throws Exception {
        SlurmCluster.start();
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        SlurmCluster.stop();
    }

    @Test
    void aStudyRunsAsAJobArrayUnderOneParentRunAndIsSummarizedAfterIt() throws Exception {
        Path folder = Files.createDirectories(work.resolve("array"));
        TestSpecs.write(folder, "base.yaml", TestSpecs.TINY_FASHION + "tracking: [{type: mlflow, uri: '"
                + MLFLOW.server().uri() + "', request_timeout_seconds: 30, flush_timeout_seconds: 600}]\n");
        Path study = TestSpecs.write(folder, "array.yaml", "name: array\n" + TestSpecs.BETA_LATENT_STUDY);
        Path runs = work.resolve("array-runs");

        CommandLineRunner.Outcome submitted = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                runs.toString(), "--launcher", "slurm", "--shards", "2", "--sbatch=--time=00:10:00");
        assertEquals(0, submitted.exitCode(), submitted.out() + submitted.err());
        Matcher ids = SUBMITTED.matcher(submitted.out());
        assertTrue(ids.find(), submitted.out());
        List<Map<String, String>> tasks = SlurmCluster.awaitEnded(ids.group(1), 170);
        Map<String, String> summary = SlurmCluster.awaitEnded(ids.group(2), 60).get(0);

        Path studyFolder = studyFolder(runs);
        assertEquals(2, tasks.size(), tasks.toString());
        for (Map<String, String> task : tasks) {
            assertEquals("COMPLETED", task.get("JobState"), () -> task + "\n" + slurmLogs(studyFolder));
            assertTrue(summary.get("StartTime").compareTo(task.get("EndTime")) >= 0, "the summary ran after " + task);
        }
        assertEquals("COMPLETED", summary.get("JobState"), () -> summary + "\n" + slurmLogs(studyFolder));
        List<String> rows = Files.readAllLines(studyFolder.resolve("summary.csv"));
        assertEquals(5, rows.size(), rows.toString());
        rows.subList(1, 5).forEach(row -> assertTrue(row.contains(",FINISHED,"), row));

        List<MlflowRecord> parents = MlflowRecord.search(MLFLOW.server().uri(), "array",
                "tags.`vaelab.role` = 'study'");
        assertEquals(1, parents.size(), "one parent run");
        assertEquals("FINISHED", parents.get(0).status(), "the summary job ended the parent");
        List<MlflowRecord> children = MlflowRecord.search(MLFLOW.server().uri(), "array",
                "tags.`mlflow.parentRunId` = '" + parents.get(0).runId() + "'");
        assertEquals(4, children.size());
        children.forEach(child -> assertEquals("FINISHED", child.status(), child.tags().toString()));
        assertEquals(4, children.stream().map(child -> child.tags().get("vaelab.spec_sha256")).distinct().count());

        CommandLineRunner.Outcome status = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                runs.toString(), "--status");
        assertTrue(status.out().contains("4 finished, 0 running, 0 stopped (KILLED, resumable), 0 failed, 0 not "
                + "started, of 4 trials"), status.out() + status.err());
    }

    @Test
    void aStudyWithPruningIsOneArrayPerRungEachAfterTheLastAndEndsAsTheStudyRunHere() throws Exception {
        Path folder = Files.createDirectories(work.resolve("pruned"));
        TestSpecs.write(folder, "base.yaml", TestSpecs.TINY_FASHION);
        Path study = TestSpecs.write(folder, "pruned.yaml", PrunedStudyTest.STUDY);
        Path runs = work.resolve("pruned-runs");

        CommandLineRunner.Outcome submitted = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                runs.toString(), "--launcher", "slurm", "--shards", "2", "--sbatch=--time=00:10:00");
        assertEquals(0, submitted.exitCode(), submitted.out() + submitted.err());
        Matcher ids = Pattern.compile("submitted job arrays (\\d+), (\\d+) \\(one per rung of the pruning.* summary job"
                + " (\\d+)").matcher(submitted.out());
        assertTrue(ids.find(), submitted.out());
        String first = ids.group(1);
        String second = ids.group(2);
        String summaryId = ids.group(3);
        assertTrue(SlurmCluster.jobs(second).get(0).get("Dependency").startsWith("afterany:" + first),
                "the second rung's array waits for the first: " + SlurmCluster.jobs(second));
        assertTrue(SlurmCluster.jobs(summaryId).get(0).get("Dependency").startsWith("afterany:" + second),
                "the summary waits for the last array: " + SlurmCluster.jobs(summaryId));

        List<Map<String, String>> firstTasks = SlurmCluster.awaitEnded(first, 240);
        List<Map<String, String>> secondTasks = SlurmCluster.awaitEnded(second, 240);
        Map<String, String> summary = SlurmCluster.awaitEnded(summaryId, 60).get(0);
        Path studyFolder = studyFolder(runs);
        for (List<Map<String, String>> tasks : List.of(firstTasks, secondTasks)) {
            assertEquals(2, tasks.size(), tasks.toString());
            tasks.forEach(task -> assertEquals("COMPLETED", task.get("JobState"), () -> task + "\n"
                    + slurmLogs(studyFolder)));
        }
        for (Map<String, String> before : firstTasks) {
            secondTasks.forEach(after -> assertTrue(after.get("StartTime").compareTo(before.get("EndTime")) >= 0,
                    after + " started after " + before));
        }
        secondTasks.forEach(task -> assertTrue(summary.get("StartTime").compareTo(task.get("EndTime")) >= 0,
                "the summary ran after " + task));
        assertEquals("COMPLETED", summary.get("JobState"), () -> summary + "\n" + slurmLogs(studyFolder));

        Path here = work.resolve("pruned-here");
        CommandLineRunner.Outcome sequential = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                here.toString());
        assertEquals(0, sequential.exitCode(), sequential.out() + sequential.err());
        assertEquals(PrunedStudyTest.summaryRows(here), PrunedStudyTest.summaryRows(runs),
                "summary.csv but its wall time");
    }

    @Test
    void aTaskStoppedMidTrialIsRequeuedAndItsTrialEndsAsAnUninterruptedRunDoes() throws Exception {
        Path folder = Files.createDirectories(work.resolve("requeue"));
        Path base = TestSpecs.write(folder, "base.yaml", FOUR_EPOCHS);
        Path study = TestSpecs.write(folder, "requeue.yaml", "name: requeue\nbase: base.yaml\ngrid:\n"
                + "  kl.beta: [0.5]\n");
        Path runs = work.resolve("requeue-runs");

        CommandLineRunner.Outcome submitted = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                runs.toString(), "--launcher", "slurm", "--requeue");
        assertEquals(0, submitted.exitCode(), submitted.out() + submitted.err());
        Matcher ids = SUBMITTED.matcher(submitted.out());
        assertTrue(ids.find(), submitted.out());
        Path run = awaitCheckpointedRun(runs.resolve("requeue"));
        SlurmCluster.run("scancel", "--batch", "--signal=TERM", ids.group(1) + "_0");
        awaitStatus(run, "KILLED");

        Map<String, String> task = SlurmCluster.awaitEnded(ids.group(1), 150).get(0);
        SlurmCluster.awaitEnded(ids.group(2), 60);
        Path studyFolder = studyFolder(runs);
        assertEquals("COMPLETED", task.get("JobState"), () -> task + "\n" + slurmLogs(studyFolder));
        assertEquals("1", task.get("Restarts"), "requeued once");
        assertEquals(List.of(run), runDirectories(runs.resolve("requeue")), "the stopped run continued in its folder");
        assertEquals("FINISHED", status(run));

        CommandLineRunner.Outcome uninterrupted = CommandLineRunner.vae("run", base.toString(), "--set", "name=requeue",
                "--set", "kl.beta=0.5", "--runs-dir", work.resolve("uninterrupted").toString(), "--no-progress");
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.out() + uninterrupted.err());
        Path reference = runDirectories(work.resolve("uninterrupted").resolve("requeue")).get(0);
        assertArrayEquals(Files.readAllBytes(reference.resolve("metrics.csv")), Files.readAllBytes(
                run.resolve("metrics.csv")));
    }

    @Test
    void anOptionSbatchCannotTakeIsRefusedAndNothingIsSubmitted() throws Exception {
        Path study = tinyStudy("refused");
        List<String> before = SlurmCluster.allJobIds();
        CommandLineRunner.Outcome refused = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                work.resolve("refused-runs").toString(), "--launcher", "slurm", "--sbatch=time 01:00:00");
        assertEquals(Main.BAD_INPUT, refused.exitCode());
        assertTrue(refused.err().contains("--sbatch time 01:00:00: not an sbatch option"), refused.err());
        assertEquals(before, SlurmCluster.allJobIds());
    }

    @Test
    void withoutSbatchOnThePathNothingIsSubmitted() throws Exception {
        Path study = tinyStudy("no-sbatch");
        List<String> before = SlurmCluster.allJobIds();
        Path log = work.resolve("no-sbatch.log");
        ProcessBuilder sweep = CommandLineRunner.process(log, List.of(), "sweep", study.toString(), "--runs-dir",
                work.resolve("no-sbatch-runs").toString(), "--launcher", "slurm");
        sweep.environment().put("PATH", "/nonexistent");
        Process process = sweep.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(Main.BAD_INPUT, process.exitValue(), output);
        assertTrue(output.contains("--launcher slurm: sbatch is not on PATH (/nonexistent)"), output);
        assertEquals(before, SlurmCluster.allJobIds());
        assertFalse(Files.exists(studyFolder(work.resolve("no-sbatch-runs")).resolve("slurm-array.sh")));
    }

    private static Path tinyStudy(String name) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        TestSpecs.write(folder, "base.yaml", TestSpecs.TINY_FASHION);
        return TestSpecs.write(folder, name + ".yaml", "name: " + name + "\n" + TestSpecs.BETA_LATENT_STUDY);
    }

    /** Waits until the only run under {@code experiment} is RUNNING with a checkpoint; returns it. */
    private static Path awaitCheckpointedRun(Path experiment) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (Path run : runDirectories(experiment)) {
                if (Files.exists(run.resolve("checkpoints/last.ckpt")) && status(run).equals("RUNNING")) {
                    return run;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no running trial with a checkpoint in " + experiment);
    }

    private static void awaitStatus(Path run, String expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!status(run).equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(run + " is " + status(run) + ", not " + expected);
            }
            Thread.sleep(100);
        }
    }

    private static List<Path> runDirectories(Path experiment) throws IOException {
        if (!Files.isDirectory(experiment)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(experiment)) {
            return runs.filter(run -> Files.exists(run.resolve("provenance.json"))).sorted().toList();
        }
    }

    private static String status(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("provenance.json").toFile()).path("status").asText();
    }

    private static Path studyFolder(Path runs) throws IOException {
        try (Stream<Path> folders = Files.list(runs.resolve("studies"))) {
            return folders.findFirst().orElseThrow();
        }
    }

    /** What the jobs and the trials printed, to tell why a job failed. */
    private static String slurmLogs(Path studyFolder) {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.walk(studyFolder)) {
            for (Path log : files.filter(file -> file.toString().matches(".*\\.(out|log)")).sorted().toList()) {
                logs.append("== ").append(log).append('\n').append(Files.readString(log));
            }
        } catch (IOException e) {
            logs.append(e);
        }
        return logs.toString();
    }
}
