package org.vaelab.plugins.data.mnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vaelab.spi.InvalidInputException;

/**
 * The four IDX files of an MNIST-format dataset, found in one folder under their standard names,
 * each either as is or with {@code .gz} appended (the uncompressed one wins when both exist).
 */
record MnistFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    private static final List<String> NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    private static final String EXPECTED = String.join(", ", NAMES) + " (each optionally gzipped, ending in .gz)";

    /**
     * Finds the four files in {@code folder}.
     *
     * @throws InvalidInputException if the folder or one of the files is missing
     */
    static MnistFiles locate(Path folder, MnistVariant variant) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(variant.title() + " folder " + folder
                    + (Files.exists(folder) ? " is not a directory" : " does not exist")
                    + "; it must hold " + EXPECTED + "; " + variant.source());
        }
        Path[] files = NAMES.stream().map(name -> find(folder, name, variant)).toArray(Path[]::new);
        return new MnistFiles(files[0], files[1], files[2], files[3]);
    }

    private static Path find(Path folder, String name, MnistVariant variant) {
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gzipped = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gzipped)) {
            return gzipped;
        }
        throw new InvalidInputException(plain + " not found, nor " + gzipped.getFileName() + "; the "
                + variant.title() + " folder must hold " + EXPECTED + "; " + variant.source());
    }
}
