package org.vaelab.plugins.data.mnist;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which of the two datasets distributed in the MNIST IDX format a folder holds. */
public enum MnistVariant {

    /**
     * Handwritten digits: LeCun, Bottou, Bengio and Haffner 1998, "Gradient-based learning applied
     * to document recognition"; files from http://yann.lecun.com/exdb/mnist/, downloaded from the
     * mirrors torchvision and TensorFlow use. The digests are the SHA-256 of the uncompressed
     * files, as published by several independent projects that pin them.
     */
    DIGITS("MNIST", List.of(), null,
            "set download: true to fetch them, or get them from https://ossci-datasets.s3.amazonaws.com/mnist/",
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            Map.of("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")),

    /**
     * Zalando's article images: Xiao, Rasul and Vollgraf 2017, "Fashion-MNIST: a Novel Image
     * Dataset for Benchmarking Machine Learning Algorithms", arXiv:1708.07747; downloaded from the
     * mirror its README names. The digests are the SHA-256 of the uncompressed files: those of
     * Debian's {@code dataset-fashion-mnist}, which recompresses the official files (so the
     * compressed bytes differ) and matches other projects' pins of the official content.
     */
    FASHION("Fashion-MNIST", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot"), Path.of("/usr/share/datasets/fashion-mnist"),
            "`apt-get install dataset-fashion-mnist` provides them in /usr/share/datasets/fashion-mnist, "
                    + "or set download: true to fetch them",
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            Map.of("train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

    private final String title;
    private final List<String> classNames;
    private final Path defaultFolder;
    private final String source;
    private final List<URI> mirrors;
    private final Map<String, String> contentDigests;

    MnistVariant(String title, List<String> classNames, Path defaultFolder, String source, List<URI> mirrors,
                 Map<String, String> contentDigests) {
        this.title = title;
        this.classNames = classNames;
        this.defaultFolder = defaultFolder;
        this.source = source;
        this.mirrors = mirrors;
        this.contentDigests = contentDigests;
    }

    /** The name of each label; empty where the label is the name (the digits). */
    public List<String> classNames() {
        return classNames;
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

    /** The base URLs the four gzipped files are downloaded from, tried in order. */
    public List<URI> mirrors() {
        return mirrors;
    }

    /** The SHA-256, in lower-case hexadecimal, of the uncompressed content of the file {@code name}. */
    String contentDigest(String name) {
        return contentDigests.get(name);
    }
}
