package org.vaelab.plugins.data.mnist;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where downloaded datasets are kept: the configured {@code cache} folder (relative to the spec's
 * folder), else the folder named by the environment variable {@code VAELAB_DATA}, else
 * {@code ~/.cache/vaelab} (the XDG base directory convention's cache home).
 */
final class DataCache {

    /** The environment variable naming the cache folder. */
    static final String ENVIRONMENT_VARIABLE = "VAELAB_DATA";

    private DataCache() {
    }

    /**
     * The cache folder.
     *
     * @param configured the {@code cache} option, or null
     * @param baseDirectory the spec's folder, which a relative {@code cache} is resolved against
     * @param environment the process environment
     * @param home the user's home folder
     */
    static Path root(String configured, Path baseDirectory, Map<String, String> environment, Path home) {
        if (configured != null) {
            return baseDirectory.resolve(configured).normalize();
        }
        String variable = environment.getOrDefault(ENVIRONMENT_VARIABLE, "");
        return variable.isBlank() ? home.resolve(".cache").resolve("vaelab") : Path.of(variable);
    }
}
