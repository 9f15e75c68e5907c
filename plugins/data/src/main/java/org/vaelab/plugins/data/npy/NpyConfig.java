package org.vaelab.plugins.data.npy;

import java.util.List;
import org.vaelab.plugins.data.grey.Dequantization;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Configuration of the {@code npy} dataset.
 *
 * @param path the {@code .npy} or {@code .npz} file of the examples (the training examples when a
 *     test array is named), relative to the spec's folder
 * @param key the examples' array in an {@code .npz}, or null for its only array
 * @param labels the class labels: a key of {@code path}'s {@code .npz}, or a {@code .npy} file when
 *     {@code path} is one; null for none
 * @param testPath the file of the test examples, or null for {@code path}'s archive (with
 *     {@code test_key}) or no test array
 * @param testKey the test examples' array in the test {@code .npz}
 * @param testLabels the test labels, as {@code labels} names them, in the test file
 * @param factors the examples' ground-truth factors of variation: a key of {@code path}'s
 *     {@code .npz}, or a {@code .npy} file when {@code path} is one; null for none
 * @param factorNames the factors' names, one per column of {@code factors}; null for
 *     {@code factor_0, factor_1, ...}
 * @param layout where 4-D image arrays keep their channels
 * @param validation how many training examples form the validation split
 * @param test how many examples form the test split when there is no test array
 * @param shuffle whether the examples are shuffled with the seed before they are split
 * @param trainLimit use only the first N examples of the (training) array, 0 for all
 * @param testLimit use only the first N examples of the test array, 0 for all
 * @param dequantize whether 8-bit grey levels are dequantized for continuous likelihoods
 */
public record NpyConfig(
        @Param("NumPy file of the examples, relative to the spec's folder: a .npy array (numpy.save) or an .npz "
                + "archive (numpy.savez, savez_compressed); the training examples when a test array is named. uint8 "
                + "values are grey levels scaled to [0, 1] (only 0 and 1: binary), bool binary, float32 and float64 "
                + "taken as they are; [N, D] vectors, or [N, H, W], [N, C, H, W] or [N, H, W, C] images")
        String path,
        @Param(value = "The examples' array in the .npz; may be left out when the archive holds only one",
                defaultValue = Param.NONE)
        String key,
        @Param(value = "Class labels, integers from 0, one per example: a key of path's .npz, or, when path is a "
                + ".npy, a .npy file", defaultValue = Param.NONE)
        String labels,
        @Param(value = "NumPy file of the test examples, relative to the spec's folder; left out with test_key, "
                + "path's archive; left out with neither, the test split is held out of path's examples",
                defaultValue = Param.NONE)
        String testPath,
        @Param(value = "The test examples' array in the test .npz (test_path, else path)", defaultValue = Param.NONE)
        String testKey,
        @Param(value = "Labels of the test examples: a key of the test .npz, or a .npy file when the test file is "
                + "one; needed with labels when there is a test array", defaultValue = Param.NONE)
        String testLabels,
        @Param(value = "Ground-truth factors of variation, for the disentanglement metrics: numbers of shape (N, F), "
                + "one row per example, such as dSprites' latents_classes; a key of path's .npz, or a .npy file when "
                + "path is one. Each column's distinct values are its factor's values; a column of one value "
                + "throughout is left out. Needs the test split held out of path's examples",
                defaultValue = Param.NONE)
        String factors,
        @Param(value = "Names of the factors' columns, in order, such as [color, shape, scale, orientation, pos_x, "
                + "pos_y]; left out, factor_0, factor_1, ...", defaultValue = Param.NONE)
        List<String> factorNames,
        @Param(value = "Where 4-D image arrays keep channels: nchw [N, C, H, W], nhwc [N, H, W, C], or auto: told "
                + "by which of the two sizes is 1, 3 or 4", defaultValue = "auto")
        ImageLayout layout,
        @Param(value = "Training examples held out for validation, from the end of the (shuffled) training "
                + "examples: a count (0 for none: no validation metrics, no best.ckpt) or a fraction (0.1, 1/12); "
                + "with one array, a count or fraction of all its examples", defaultValue = "1/12")
        SplitSize validation,
        @Param(value = "Without a test array, the examples held out for testing: a count or a fraction of them "
                + "(0.1, 1/12); not used with a test array", defaultValue = "0.1")
        SplitSize test,
        @Param(value = "Shuffle the (training) examples with the seed before holding out validation (and test) "
                + "examples; false keeps the file's order, validation (then test) taken from its end",
                defaultValue = "true")
        boolean shuffle,
        @Param(value = "Use only the first N examples of path's array, before shuffling; 0 uses all",
                defaultValue = "0", min = 0)
        int trainLimit,
        @Param(value = "Use only the first N examples of the test array; 0 uses all", defaultValue = "0", min = 0)
        int testLimit,
        @Param(value = "none: as they are; uniform: uint8 grey levels b become (b + u)/256 with u ~ U(0, 1) drawn "
                + "afresh for every training batch (validation and test once, from the seed), for continuous "
                + "likelihoods, which then also report bits per dimension (Theis et al. 2016)",
                defaultValue = "none")
        Dequantization dequantize) {

    public NpyConfig {
        if (path.isBlank()) {
            throw new InvalidConfigException("path", "must name a NumPy .npy or .npz file");
        }
        if (factorNames != null && factors == null) {
            throw new InvalidConfigException("factor_names", "names the columns of factors, but factors is left out");
        }
        if (hasTestArray(testPath, testKey)) {
            if (factors != null) {
                throw new InvalidConfigException("factors", "needs the test split held out of path's examples: leave "
                        + "test_path and test_key out, or factors out");
            }
            if (labels != null && testLabels == null) {
                throw new InvalidConfigException("test_labels", "must name the labels of the test examples, since "
                        + "labels names those of the training examples");
            }
        } else {
            if (testLabels != null) {
                throw new InvalidConfigException("test_labels", "names labels of a test array, but there is none: "
                        + "name it with test_path or test_key, or leave test_labels out");
            }
            if (testLimit > 0) {
                throw new InvalidConfigException("test_limit", "limits a test array, but there is none (the test "
                        + "split is held out of path's examples: size it with test)");
            }
            SplitSizes.requireTrainingShare(validation, test);
        }
        if (labels == null && testLabels != null) {
            throw new InvalidConfigException("labels", "must name the labels of the training examples, since "
                    + "test_labels names those of the test examples");
        }
        if (trainLimit > 0 && !validation.isFraction() && validation.count() >= trainLimit) {
            throw new InvalidConfigException("validation", "validation (" + validation
                    + ") must be smaller than train_limit (" + trainLimit + ") to leave examples to train on");
        }
    }

    /** Whether the test examples are an array of their own, not held out of {@code path}'s. */
    public boolean hasTestArray() {
        return hasTestArray(testPath, testKey);
    }

    private static boolean hasTestArray(String testPath, String testKey) {
        return testPath != null || testKey != null;
    }
}
