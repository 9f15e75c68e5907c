package org.vaelab.spi.data;

import java.nio.file.Path;

/**
 * What a dataset may use while loading.
 *
 * @param baseDirectory the directory relative paths in the spec are resolved against (the spec's folder)
 * @param seed a seed for anything random in loading (splits, generated data, fixed binarisation)
 */
public record LoadContext(Path baseDirectory, long seed) {
}
