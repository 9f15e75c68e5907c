package org.vaelab.core.study;

import java.util.Map;

/**
 * Which slice of a study this process runs: {@code --shard I/N}, else a job array's index from the
 * environment (Slurm's {@code SLURM_ARRAY_TASK_ID} and {@code SLURM_ARRAY_TASK_COUNT}, counted
 * from {@code SLURM_ARRAY_TASK_MIN}; a Kubernetes indexed Job's {@code JOB_COMPLETION_INDEX} with
 * {@code --shard-count N}), else the whole study.
 *
 * @param shard the slice
 * @param source where it came from, for the log
 */
public record ShardSelection(Shard shard, String source) {

    /** @throws IllegalArgumentException for a malformed or incomplete selection */
    public static ShardSelection resolve(String option, Integer count, Map<String, String> environment) {
        if (option != null) {
            return new ShardSelection(Shard.parse(option), "--shard");
        }
        String slurmId = environment.get("SLURM_ARRAY_TASK_ID");
        String slurmCount = environment.get("SLURM_ARRAY_TASK_COUNT");
        if (slurmId != null && slurmCount != null) {
            int first = Integer.parseInt(environment.getOrDefault("SLURM_ARRAY_TASK_MIN", "0"));
            return new ShardSelection(new Shard(Integer.parseInt(slurmId) - first, count != null ? count
                    : Integer.parseInt(slurmCount)), "SLURM_ARRAY_TASK_ID");
        }
        String kubernetesIndex = environment.get("JOB_COMPLETION_INDEX");
        if (kubernetesIndex != null) {
            if (count == null) {
                throw new IllegalArgumentException("JOB_COMPLETION_INDEX is set: give --shard-count N, the Job's "
                        + "completions");
            }
            return new ShardSelection(new Shard(Integer.parseInt(kubernetesIndex), count), "JOB_COMPLETION_INDEX");
        }
        if (count != null) {
            throw new IllegalArgumentException("--shard-count goes with JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID; "
                    + "use --shard I/N otherwise");
        }
        return new ShardSelection(Shard.ALL, "");
    }
}
