package org.vaelab.plugins.data.mnist;

import java.nio.file.Path;
import java.util.Optional;

/** Which of the two datasets distributed in the MNIST IDX format a folder holds. */
public enum MnistVariant {

    /**
     * Handwritten digits: LeCun, Bottou, Bengio and Haffner 1998, "Gradient-based learning applied
     * to document recognition"; files from http://yann.lecun.com/exdb/mnist/.
     */
    DIGITS("MNIST", null, "download them from http://yann.lecun.com/exdb/mnist/"),

    /**
     * Zalando's article images: Xiao, Rasul and Vollgraf 2017, "Fashion-MNIST: a Novel Image
     * Dataset for Benchmarking Machine Learning Algorithms", arXiv:1708.07747.
     */
    FASHION("Fashion-MNIST", Path.of("/usr/share/datasets/fashion-mnist"),
            "`apt-get install dataset-fashion-mnist` provides them in /usr/share/datasets/fashion-mnist");

    private final String title;
    private final Path defaultFolder;
    private final String source;

    MnistVariant(String title, Path defaultFolder, String source) {
        this.title = title;
        this.defaultFolder = defaultFolder;
        this.source = source;
    }

    /** The dataset's usual name, for messages. */
    public String title() {
        return title;
    }

    /** Where the files are when {@code path} is not set, if there is a standard place. */
    public Optional<Path> defaultFolder() {
        return Optional.ofNullable(defaultFolder);
    }

    /** How to obtain the files, for messages about missing ones. */
    public String source() {
        return source;
    }
}
