package org.vaelab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-node Slurm cluster of {@code scripts/slurm-cluster}, started and stopped for a test
 * class, and what its controller says of jobs ({@code scontrol show job}).
 */
final class SlurmCluster {

    private static final Path SCRIPT = Path.of(System.getProperty("vaelab.root", "../.."))
            .resolve("scripts/slurm-cluster");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S*)");
    private static final List<String> ENDED = List.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
            "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE");

    private SlurmCluster() {
    }

    /** Starts the cluster, installing Slurm when missing; waits until its node is idle. */
    static void start() throws IOException, InterruptedException {
        run(SCRIPT.toString(), "start");
    }

    static void stop() throws IOException, InterruptedException {
        run(SCRIPT.toString(), "stop");
    }

    /** Runs a command; its output, or an AssertionError with it when the command fails. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** Each job of {@code id} (an array's tasks, or one job) as {@code scontrol show job} lists its fields. */
    static List<Map<String, String>> jobs(String id) throws IOException, InterruptedException {
        List<Map<String, String>> jobs = new ArrayList<>();
        for (String record : run("scontrol", "show", "job", id).split("\\n\\s*\\n")) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher matcher = FIELD.matcher(record);
            while (matcher.find()) {
                fields.putIfAbsent(matcher.group(1), matcher.group(2));
            }
            if (fields.containsKey("JobId")) {
                jobs.add(fields);
            }
        }
        return jobs;
    }

    /** Polls {@code scontrol show job} until every job of {@code id} has ended; returns them. */
    static List<Map<String, String>> awaitEnded(String id, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Map<String, String>> jobs = jobs(id);
        while (!jobs.stream().allMatch(job -> ENDED.contains(job.get("JobState")))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " has not ended after " + seconds + " s: " + jobs);
            }
            Thread.sleep(500);
            jobs = jobs(id);
        }
        return jobs;
    }

    /** The ids of every job the controller knows, to tell that nothing was submitted. */
    static List<String> allJobIds() throws IOException, InterruptedException {
        return List.of(run("squeue", "-h", "-t", "all", "-o", "%i").strip().split("\\s+"));
    }
}
