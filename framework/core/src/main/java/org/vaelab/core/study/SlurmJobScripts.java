package org.vaelab.core.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vaelab.spi.InvalidInputException;

/**
 * The two batch scripts that run a study on Slurm. The job array's task {@code I} runs shard
 * {@code I} of {@code shards} ({@code vae sweep ... --shard-count N}, the shard read from
 * {@code SLURM_ARRAY_TASK_ID} by {@link ShardSelection}), with {@code OMP_NUM_THREADS} and
 * {@code VAE_THREADS} the CPUs Slurm gave the task. Slurm signals the task's shell 60 s before its
 * time limit ({@code --signal=B:TERM@60}, also {@code scancel --batch --signal=TERM}); the shell
 * passes SIGTERM on to the sweep, whose trials mark their runs KILLED and keep their checkpoints,
 * and with {@code requeue} puts the task back in the queue, where the sweep skips finished trials
 * and continues the stopped one. A study with pruning is submitted as one array per rung, each
 * array after the one before: a shard goes only as far as the rungs decided allow
 * ({@link PrunedSweep}), so array {@code k} starts once every shard has reached rung {@code k - 1}
 * and takes each one rung further. The summary job runs {@code vae sweep ... --summarize}; it is
 * submitted with a dependency on the last array.
 *
 * @param name the study's name, the jobs' name
 * @param shards each array's tasks
 * @param arrays how many times the array is submitted, each after the one before: one, or the rungs with pruning
 * @param sweepCommand {@code vae sweep} with the study and every option that gives its trials, without
 *     the shard
 * @param workingDirectory where the jobs run (the sweep's paths may be relative to it)
 * @param logFolder where Slurm writes each job's output
 * @param sbatchOptions options for both jobs, each {@code --name} or {@code --name=value}, as sbatch takes them
 * @param requeue whether a stopped task goes back in the queue
 */
public record SlurmJobScripts(String name, int shards, int arrays, List<String> sweepCommand, Path workingDirectory,
                              Path logFolder, List<String> sbatchOptions, boolean requeue) {

    /** The job array's file name in the study folder. */
    public static final String ARRAY_SCRIPT = "slurm-array.sh";
    /** The summary job's file name in the study folder. */
    public static final String SUMMARY_SCRIPT = "slurm-summarize.sh";

    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*(=[^\\n\\r]*)?");
    /** Options this launcher sets itself, from the study and {@code --shards}. */
    private static final List<String> OWN_OPTIONS = List.of("--array", "--dependency", "--wrap", "--parsable");

    /** @throws InvalidInputException for an option that is not {@code --name[=value]} or one the launcher sets */
    public SlurmJobScripts {
        sweepCommand = List.copyOf(sweepCommand);
        sbatchOptions = List.copyOf(sbatchOptions);
        for (String option : sbatchOptions) {
            if (!OPTION.matcher(option).matches()) {
                throw new InvalidInputException("--sbatch " + option + ": not an sbatch option; give one long option "
                        + "per --sbatch, written --name or --name=value (--sbatch=--time=01:00:00), on one line");
            }
            String optionName = option.split("=", 2)[0];
            if (OWN_OPTIONS.contains(optionName)) {
                throw new InvalidInputException("--sbatch " + option + ": " + optionName + " is set by the launcher "
                        + "(the array from --shards, the summary's dependency on it); leave it out");
            }
        }
        if (arrays < 1) {
            throw new IllegalArgumentException("a study is submitted as one job array or more, not " + arrays);
        }
    }

    /** The job array's batch script. */
    public String arrayScript() {
        List<String> directives = new ArrayList<>(List.of("--job-name=" + name, "--array=0-" + (shards - 1),
                "--output=" + logFolder.resolve("%x-%A_%a.out"), "--signal=B:TERM@60"));
        if (requeue) {
            directives.add("--requeue");
        }
        List<String> shard = new ArrayList<>(sweepCommand);
        shard.addAll(List.of("--shard-count", Integer.toString(shards)));
        String onTerm = "kill -TERM \"$sweep\"; wait \"$sweep\"; "
                + (requeue ? "scontrol requeue \"$SLURM_JOB_ID\"; " : "") + "exit 143";
        String purpose = "Task I of this job array runs shard I of " + shards + " of the study" + (arrays == 1 ? "."
                : " as far as its rungs decided allow; the study is submitted as " + arrays + " arrays, one per rung,"
                + "\n# each starting when the one before has ended.");
        return header(purpose, directives)
                + "export OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"\n"
                + "export VAE_THREADS=\"$OMP_NUM_THREADS\"\n"
                + quoted(shard) + " &\n"
                + "sweep=$!\n"
                + "# SIGTERM (the time limit's --signal, scancel --batch): the sweep stops its trials, which mark\n"
                + "# their runs KILLED with their last checkpoint" + (requeue ? "; then the task goes back in the"
                + " queue and,\n# when it runs again, continues them and skips the finished ones" : "") + ".\n"
                + "trap '" + onTerm + "' TERM\n"
                + "wait \"$sweep\"\n";
    }

    /** The summary job's batch script; submit it with {@code --dependency=afterany:LAST_ARRAY_ID}. */
    public String summaryScript() {
        List<String> summarize = new ArrayList<>(sweepCommand);
        summarize.add("--summarize");
        return header("After the array: the study's summary from the local runs and MLflow.",
                List.of("--job-name=" + name + "-summary", "--output=" + logFolder.resolve("%x-%j.out")))
                + "exec " + quoted(summarize) + "\n";
    }

    private String header(String purpose, List<String> directives) {
        StringBuilder script = new StringBuilder("#!/bin/bash\n# Written by vae sweep --launcher slurm. ")
                .append(purpose).append('\n');
        directives.forEach(directive -> script.append("#SBATCH ").append(directive).append('\n'));
        sbatchOptions.forEach(option -> script.append("#SBATCH ").append(option).append('\n'));
        return script.append("cd ").append(quoted(List.of(workingDirectory.toString()))).append('\n').toString();
    }

    /** The words for bash, each in single quotes. */
    static String quoted(List<String> words) {
        return words.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }
}
