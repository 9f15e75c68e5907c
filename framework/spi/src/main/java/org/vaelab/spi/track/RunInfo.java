package org.vaelab.spi.track;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a tracker learns when a run starts.
 *
 * @param runId a unique id of the local run (a UUID), kept across replays so a tracker can find a
 *     run it recorded before instead of creating a second one
 * @param experiment the experiment the run belongs to
 * @param runName a readable run name
 * @param runDirectory the local run directory, always written
 * @param startMillis when the run started, milliseconds since the epoch
 * @param params the flattened resolved spec ({@code model.latent_dim -> 20})
 * @param tags descriptive tags ({@code vaelab.spec_sha256}, ...)
 * @param dataset the data the run trains and evaluates on
 */
public record RunInfo(String runId, String experiment, String runName, Path runDirectory, long startMillis,
                      Map<String, String> params, Map<String, String> tags, DatasetInfo dataset) {

    public RunInfo {
        params = Map.copyOf(params);
        tags = Map.copyOf(tags);
    }
}
