package org.vaelab.plugins.data.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.vaelab.plugins.data.UnreadableFile;
import org.vaelab.spi.InvalidInputException;

/**
 * The image files under a folder, sorted by path so that a folder always gives the same examples
 * in the same order, with their labels when the folder holds one subfolder per class.
 *
 * @param root the folder
 * @param files the image files: names with one of the extensions (any case), not starting with a dot
 *     (such as macOS's {@code ._} resource files), anywhere under the folder, sorted by path
 * @param labels the class of each file, or null without labels
 * @param classes the class names, label i being {@code classes.get(i)}; empty without labels
 */
record ImageFolder(Path root, List<Path> files, int[] labels, List<String> classes) {

    /**
     * The images of {@code root} with {@code extensions} (lower case), labelled by their
     * subfolders when {@code labels} says so.
     */
    static ImageFolder scan(Path root, List<String> extensions, ImageLabels labels) throws IOException {
        List<Path> files = imageFiles(root, extensions);
        if (labels == ImageLabels.NONE) {
            return new ImageFolder(root, files, null, List.of());
        }
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            names.add(className(root, file));
        }
        return labelled(root, files, List.copyOf(names));
    }

    /**
     * The images of {@code root} labelled by the classes of a folder already scanned (a test
     * folder by its training folder's): every subfolder must name one of them.
     */
    ImageFolder sameLayout(Path otherRoot, List<String> extensions) throws IOException {
        List<Path> otherFiles = imageFiles(otherRoot, extensions);
        return labels == null ? new ImageFolder(otherRoot, otherFiles, null, List.of())
                : labelled(otherRoot, otherFiles, classes);
    }

    /** The number of images. */
    int count() {
        return files.size();
    }

    /** The label of image {@code index}, or -1 without labels. */
    int label(int index) {
        return labels == null ? -1 : labels[index];
    }

    private static ImageFolder labelled(Path root, List<Path> files, List<String> classes) {
        int[] labels = new int[files.size()];
        for (int i = 0; i < labels.length; i++) {
            String name = className(root, files.get(i));
            labels[i] = classes.indexOf(name);
            if (labels[i] < 0) {
                throw new InvalidInputException(files.get(i) + " is in subfolder '" + name + "', which is not one of "
                        + "the classes of the training folder: " + String.join(", ", classes));
            }
        }
        return new ImageFolder(root, files, labels, classes);
    }

    private static String className(Path root, Path file) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() < 2) {
            throw new InvalidInputException(file + " lies directly in " + root + ", but with labels: folders every "
                    + "image must be in a subfolder named after its class (" + root.resolve("CLASS") + "/...)");
        }
        return relative.getName(0).toString();
    }

    private static List<Path> imageFiles(Path root, List<String> extensions) throws IOException {
        if (!Files.exists(root)) {
            throw new InvalidInputException(root + " does not exist; expected a folder of PNG or JPEG images");
        }
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException(root + " is a file, not a folder of images");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(file -> isImageName(file, extensions)).filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw UnreadableFile.explain(root, "a folder of images", e.getCause()).orElseThrow(e::getCause);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(root + " holds no files ending in ." + String.join(", .", extensions)
                    + " (subfolders included)");
        }
        return files;
    }

    private static boolean isImageName(Path file, List<String> extensions) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
