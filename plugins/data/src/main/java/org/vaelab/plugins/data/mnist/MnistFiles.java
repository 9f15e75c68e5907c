package org.vaelab.plugins.data.mnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vaelab.spi.InvalidInputException;

/**
 * The four IDX files of an MNIST-format dataset, found in one folder under their standard names,
 * each either as is or with {@code .gz} appended (the uncompressed one wins when both exist).
 */
record MnistFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    /** The standard names of the four files, uncompressed. */
    static final List<String> NAMES = List.of(
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
        return find(folder).orElseThrow(() -> {
            String name = missing(folder).get(0);
            return new InvalidInputException(folder.resolve(name) + " not found, nor " + name + ".gz; the "
                    + variant.title() + " folder must hold " + EXPECTED + "; " + variant.source());
        });
    }

    /** The four files in {@code folder}, if all are there. */
    static Optional<MnistFiles> find(Path folder) {
        List<Path> files = NAMES.stream().map(name -> file(folder, name)).flatMap(Optional::stream).toList();
        return files.size() == NAMES.size()
                ? Optional.of(new MnistFiles(files.get(0), files.get(1), files.get(2), files.get(3)))
                : Optional.empty();
    }

    /** The names, uncompressed, of the files {@code folder} lacks in either form. */
    static List<String> missing(Path folder) {
        return NAMES.stream().filter(name -> file(folder, name).isEmpty()).toList();
    }

    private static Optional<Path> file(Path folder, String name) {
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return Optional.of(plain);
        }
        Path gzipped = folder.resolve(name + ".gz");
        return Files.isRegularFile(gzipped) ? Optional.of(gzipped) : Optional.empty();
    }
}
