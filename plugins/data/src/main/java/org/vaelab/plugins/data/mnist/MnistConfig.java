package org.vaelab.plugins.data.mnist;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.vaelab.plugins.data.grey.Dequantization;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Configuration of the {@code mnist} dataset.
 *
 * @param variant which dataset the folder holds
 * @param path the folder holding the four IDX files, or null for the variant's default folder
 * @param validation how many training images, from the end of the (limited) training set, form
 *     the validation split: a count, or a fraction of the training images used
 * @param binarize how grey levels are turned into features
 * @param dequantize whether grey levels are dequantized with uniform noise, for continuous likelihoods
 * @param trainLimit use at most this many training images (validation included), 0 for all
 * @param testLimit use at most this many test images, 0 for all
 * @param download whether files not found in {@code path} (or the default folder) are downloaded
 *     into the cache
 * @param cache the folder downloads are kept in, or null for {@code $VAELAB_DATA} or
 *     {@code ~/.cache/vaelab}; the files go to its subfolder {@code mnist/VARIANT}
 * @param mirrors the base URLs to download from, in order, or null for the variant's own
 * @param classes the labels to keep, in every split, or null for all ten; the limits and the
 *     validation size count the kept images
 */
public record MnistConfig(
        @Param(value = "Which dataset the folder holds: digits (MNIST, LeCun et al. 1998) or fashion "
                + "(Fashion-MNIST, Xiao et al. 2017)", defaultValue = "fashion")
        MnistVariant variant,
        @Param(value = "Folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte "
                + "and t10k-labels-idx1-ubyte, each optionally .gz; relative to the spec's folder; "
                + "defaults to /usr/share/datasets/fashion-mnist for fashion", defaultValue = Param.NONE)
        String path,
        @Param(value = "Training images held out as the validation split, from the end of the training set: a count "
                + "(0 for none: no validation metrics, no best.ckpt) or a fraction of the training images used (0.1, "
                + "1/12); 1/12 keeps 5,000 of MNIST's 60,000", defaultValue = "1/12")
        SplitSize validation,
        @Param(value = "none: grey levels in [0, 1]; threshold: 1 above 0.5, else 0; dynamic: a fresh Bernoulli "
                + "sample of every training batch (Burda et al. 2016), validation and test sampled once from the seed",
                defaultValue = "none")
        Binarization binarize,
        @Param(value = "none: grey levels b/255 as they are; uniform: (b + u)/256 with u ~ U(0, 1) drawn afresh for "
                + "every training batch (validation and test once, from the seed), for continuous likelihoods, which "
                + "then also report bits per dimension (Theis et al. 2016); needs binarize: none",
                defaultValue = "none")
        Dequantization dequantize,
        @Param(value = "Use only the first N training images, validation included; 0 uses all",
                defaultValue = "0", min = 0)
        int trainLimit,
        @Param(value = "Use only the first N test images; 0 uses all", defaultValue = "0", min = 0)
        int testLimit,
        @Param(value = "When the four files are not in path (or the default folder), download them into the cache "
                + "and check their SHA-256", defaultValue = "false")
        boolean download,
        @Param(value = "Folder for downloads, relative to the spec's folder; files go to its subfolder "
                + "mnist/digits or mnist/fashion; defaults to $VAELAB_DATA, else ~/.cache/vaelab",
                defaultValue = Param.NONE)
        String cache,
        @Param(value = "Base URLs to download from, tried in order; defaults to "
                + "https://ossci-datasets.s3.amazonaws.com/mnist/ and "
                + "https://storage.googleapis.com/cvdf-datasets/mnist/ for digits, "
                + "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/ for fashion",
                defaultValue = Param.NONE)
        List<String> mirrors,
        @Param(value = "Keep only images of these classes (labels 0 to 9) in every split, for example [0, 1, 2] or, "
                + "to hold class 9 out for anomaly detection, [0, 1, 2, 3, 4, 5, 6, 7, 8]; train_limit, validation "
                + "and test_limit count the kept images; defaults to all ten", defaultValue = Param.NONE)
        List<Integer> classes) {

    public MnistConfig {
        if (path == null && variant.defaultFolder().isEmpty() && !download) {
            throw new InvalidConfigException("path", variant.title() + " has no default location: set data.path to "
                    + "the folder holding the four " + variant.title() + " IDX files");
        }
        if (trainLimit > 0 && validation.of(trainLimit) >= trainLimit) {
            throw new InvalidConfigException("validation", "validation (" + validation
                    + ") must leave some of the train_limit (" + trainLimit + ") images to train on");
        }
        if (dequantize != Dequantization.NONE && binarize != Binarization.NONE) {
            throw new InvalidConfigException("dequantize", "dequantizes grey levels, which binarize: "
                    + binarize.name().toLowerCase(Locale.ROOT) + " has made binary; use one of them");
        }
        if (mirrors != null) {
            mirrors = List.copyOf(mirrors);
            if (mirrors.isEmpty()) {
                throw new InvalidConfigException("mirrors", "must list at least one base URL; leave it out for the "
                        + "variant's own mirrors");
            }
            for (String mirror : mirrors) {
                try {
                    MnistDownloader.mirror(mirror);
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigException("mirrors", e.getMessage() + "; expected a base URL such as "
                            + MnistVariant.DIGITS.mirrors().get(0));
                }
            }
        }
        if (classes != null) {
            classes = List.copyOf(classes);
            checkClasses(classes);
        }
    }

    /**
     * A configuration that only reads local files of every class, without dequantizing: no download,
     * default cache and mirrors, {@code validation} images held out.
     */
    public MnistConfig(MnistVariant variant, String path, int validation, Binarization binarize, int trainLimit,
                       int testLimit) {
        this(variant, path, SplitSize.count(validation), binarize, Dequantization.NONE, trainLimit, testLimit, false,
                null, null, null);
    }

    private static void checkClasses(List<Integer> classes) {
        if (classes.isEmpty()) {
            throw new InvalidConfigException("classes", "must list at least one class; leave it out to keep all "
                    + MnistDataset.CLASSES);
        }
        for (int label : classes) {
            if (label < 0 || label >= MnistDataset.CLASSES) {
                throw new InvalidConfigException("classes", "must be labels from 0 to " + (MnistDataset.CLASSES - 1)
                        + ", found " + label);
            }
        }
        if (new HashSet<>(classes).size() != classes.size()) {
            throw new InvalidConfigException("classes", "lists a class twice: " + classes);
        }
    }
}
