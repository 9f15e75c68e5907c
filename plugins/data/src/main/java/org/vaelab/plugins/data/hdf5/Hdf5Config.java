package org.vaelab.plugins.data.hdf5;

import java.util.List;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * Configuration of the {@code hdf5} dataset.
 *
 * @param path the HDF5 file, relative to the spec's folder
 * @param features the dataset of examples, by its path in the file
 * @param labels the dataset of integer class labels, one per example, or null for none
 * @param validation how many examples, after shuffling with the seed, form the validation split
 * @param test how many examples, after shuffling, form the test split; null for the default
 *     when there is no {@code testFeatures}, and null whenever there is
 * @param testFeatures a separate dataset of test examples, or null
 * @param testLabels the labels of {@code testFeatures}, required with it when {@code labels} is set
 * @param factors the dataset of the examples' ground-truth factors of variation, or null for none
 * @param factorNames the factors' names, one per column of {@code factors}; null for
 *     {@code factor_0, factor_1, ...}
 */
public record Hdf5Config(
        @Param("HDF5 file, relative to the spec's folder")
        String path,
        @Param("Dataset of examples, by its path in the file (such as images or /train/x): uint8 [N, H, W], "
                + "[N, H, W, C] with C 1 or 3 (channels last, as NumPy and h5py write images), or [N, D]; uint8 "
                + "values v are read as v/255, float32 and float64 as they are")
        String features,
        @Param(value = "Dataset of integer class labels, [N] or [N, 1], each 0 or more", defaultValue = Param.NONE)
        String labels,
        @Param(value = "Examples held out as the validation split, drawn after shuffling with the seed: "
                + "a count (0 for none) or a fraction of them (0.1, 1/12)", defaultValue = "1/12")
        SplitSize validation,
        @Param(value = "Examples held out as the test split, drawn after shuffling with the seed: "
                + "a count or a fraction; 1/12 when left out, and not allowed with test_features",
                defaultValue = Param.NONE)
        SplitSize test,
        @Param(value = "A separate dataset of test examples (a benchmark's published test set), shaped as features",
                defaultValue = Param.NONE)
        String testFeatures,
        @Param(value = "The labels of test_features; required with it when labels is set", defaultValue = Param.NONE)
        String testLabels,
        @Param(value = "Dataset of ground-truth factors of variation, for the disentanglement metrics: numbers "
                + "[N, F], one row per example, such as 3D Shapes' labels. Each column's distinct values are its "
                + "factor's values; a column of one value throughout is left out. Not allowed with test_features",
                defaultValue = Param.NONE)
        String factors,
        @Param(value = "Names of the factors' columns, in order, such as [floor_hue, wall_hue, object_hue, scale, "
                + "shape, orientation]; left out, factor_0, factor_1, ...", defaultValue = Param.NONE)
        List<String> factorNames) {

    /** The share held out for testing when neither {@code test} nor {@code test_features} is set. */
    public static final SplitSize DEFAULT_TEST = SplitSize.ratio(1, 12);

    public Hdf5Config {
        if (path.isBlank()) {
            throw new InvalidConfigException("path", "must name an HDF5 file");
        }
        if (test != null && testFeatures != null) {
            throw new InvalidConfigException("test", "holds examples of features out for testing, but test_features "
                    + "already names the test examples; set one of them");
        }
        if (testLabels != null && testFeatures == null) {
            throw new InvalidConfigException("test_labels", "labels test_features, which is not set");
        }
        if (factorNames != null && factors == null) {
            throw new InvalidConfigException("factor_names", "names the columns of factors, but factors is left out");
        }
        if (factors != null && testFeatures != null) {
            throw new InvalidConfigException("factors", "needs the test split held out of features: leave "
                    + "test_features out, or factors out");
        }
        if (testFeatures != null && (labels == null) != (testLabels == null)) {
            throw new InvalidConfigException(labels == null ? "labels" : "test_labels", "labels and test_labels "
                    + "go together when test_features is set: set both or neither");
        }
    }

    /** How many of the {@code pool} examples of {@code features} the test split takes: none with a test dataset. */
    int heldOutTest(int pool) {
        if (testFeatures != null) {
            return 0;
        }
        return (test == null ? DEFAULT_TEST : test).of(pool);
    }
}
