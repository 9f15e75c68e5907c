package org.vaelab.spi.track;

import java.util.Map;

/**
 * What a tracker learns when a study (a sweep of trials, each one run) opens its parent run.
 *
 * @param experiment the experiment the study's trials belong to (their spec's name)
 * @param name a readable name of the parent run
 * @param sha256 the study's hash: the same for every shard of the study, so shards on different
 *     machines find one parent instead of each creating its own
 * @param params what the study sweeps ({@code study.grid.kl.beta -> [0.5, 1, 2]}, ...)
 * @param tags descriptive tags ({@code vaelab.study_sha256}, ...)
 */
public record StudyInfo(String experiment, String name, String sha256, Map<String, String> params,
                        Map<String, String> tags) {

    public StudyInfo {
        params = Map.copyOf(params);
        tags = Map.copyOf(tags);
    }
}
