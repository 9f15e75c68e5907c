package org.vaelab.spi.track;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a tracker learns when a run starts.
 *
 * @param experiment the experiment the run belongs to
 * @param runName a readable run name
 * @param runDirectory the local run directory, always written
 * @param params the flattened resolved spec ({@code model.latent_dim -> 20})
 * @param tags descriptive tags ({@code vaelab.spec_sha256}, ...)
 */
public record RunInfo(String experiment, String runName, Path runDirectory,
                      Map<String, String> params, Map<String, String> tags) {

    public RunInfo {
        params = Map.copyOf(params);
        tags = Map.copyOf(tags);
    }
}
