package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a shard comes from: the option, then Slurm's and Kubernetes' job-array variables. */
class ShardSelectionTest {

    @Test
    void theOptionWinsThenSlurmThenKubernetes() {
        Map<String, String> slurm = Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", "3",
                "SLURM_ARRAY_TASK_COUNT", "4");
        assertEquals(new Shard(1, 3), ShardSelection.resolve("1/3", null, slurm).shard());
        assertEquals(new ShardSelection(new Shard(2, 4), "SLURM_ARRAY_TASK_ID"),
                ShardSelection.resolve(null, null, slurm));
        assertEquals(new ShardSelection(new Shard(6, 8), "JOB_COMPLETION_INDEX"),
                ShardSelection.resolve(null, 8, Map.of("JOB_COMPLETION_INDEX", "6")));
        assertEquals(Shard.ALL, ShardSelection.resolve(null, null, Map.of()).shard());
    }

    @Test
    void aKubernetesIndexNeedsTheCountAndTheCountNeedsAnIndex() {
        assertThrows(IllegalArgumentException.class, () -> ShardSelection.resolve(null, null,
                Map.of("JOB_COMPLETION_INDEX", "0")));
        assertThrows(IllegalArgumentException.class, () -> ShardSelection.resolve(null, 3, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ShardSelection.resolve("3/3", null, Map.of()));
    }
}
