package org.vaelab.plugins.data.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.InputProblems.assertProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.grey.Dequantization;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.testkit.DocumentedDefaults;

/**
 * Bad input to the {@code npy} dataset, on files NumPy wrote: each refused with one line that
 * names the file (and the array in an archive), what was found and what is allowed.
 */
class NpyProblemsTest {

    @TempDir
    static Path folder;

    @BeforeAll
    static void writeFixtures() throws IOException {
        NumPyFixtures.write(folder);
    }

    private static void load(Map<String, ?> options) throws IOException, ReflectiveOperationException {
        new NpyDataset(DocumentedDefaults.of(NpyConfig.class, options)).load(new LoadContext(folder, 1));
    }

    private static String problem(Map<String, ?> options, String... fragments) {
        return assertProblem(() -> load(options), fragments);
    }

    @Test
    void aMissingFileIsNamed() {
        problem(Map.of("path", "nowhere.npz"), folder.resolve("nowhere.npz") + " not found (data.path)",
                "NumPy .npy or .npz file");
        problem(Map.of("path", "images.npy", "labels", "y_train"), folder.resolve("y_train") + " not found",
                "a .npy file of labels since");
        problem(Map.of("path", "images.npy", "testPath", "gone.npy"), "gone.npy not found (data.test_path)");
    }

    @Test
    void aKeyNotInTheArchiveListsTheKeysThatAre() {
        problem(Map.of("path", "grey.npz", "key", "x_valid"), "data.key", "holds no array 'x_valid'",
                "its arrays are x_train, y_train, x_test, y_test");
        problem(Map.of("path", "grey.npz", "key", "x_train", "labels", "labels"), "data.labels", "no array 'labels'");
        problem(Map.of("path", "grey.npz"), "grey.npz holds 4 arrays (x_train, y_train, x_test, y_test)",
                "set data.key to the one to use");
        problem(Map.of("path", "images.npy", "key", "x_train"), "data.key 'x_train' names an array of an .npz",
                "is a single .npy array");
    }

    @Test
    void aWrongTypeSaysWhichAreAllowed() {
        String allowed = "examples must be uint8 (grey levels, scaled to [0, 1]), bool, float32 or float64";
        problem(Map.of("path", "complex.npy"), "complex.npy holds complex128 values", allowed);
        problem(Map.of("path", "int64.npy"), "int64.npy holds int64 values", allowed, "a.astype(np.uint8)");
        problem(Map.of("path", "float16.npy"), "holds float16 values", allowed);
        problem(Map.of("path", "strings.npy"), "holds unicode string values", allowed);
        problem(Map.of("path", "objects.npy"), "holds object (pickled Python objects) values", allowed);
        problem(Map.of("path", "images.npy", "labels", "float_labels.npy"), "float_labels.npy holds float64 values",
                "labels must be integers", "y.astype(numpy.int64)");
    }

    @Test
    void fortranOrderIsRefusedSayingHowToWriteCOrder() {
        problem(Map.of("path", "fortran.npy"), "fortran.npy is in Fortran (column-major) order",
                "numpy.ascontiguousarray");
    }

    @Test
    void truncatedOrOverlongDataIsRefused() {
        problem(Map.of("path", "truncated.npy"), "truncated.npy is truncated",
                "float32 values of shape (30, 7), 840 bytes of data, but it holds 834");
        problem(Map.of("path", "extra.npy"), "extra.npy has data after the 840 bytes its header declares");
        problem(Map.of("path", "truncated.npz", "key", "x_train"), "truncated.npz is not a readable .npz archive");
    }

    @Test
    void aShapeThatIsNotExamplesIsRefused() {
        String shapes = "[N, D] vectors, or [N, H, W], [N, C, H, W] or [N, H, W, C] images";
        problem(Map.of("path", "flat.npy"), "flat.npy has shape (30,)", shapes, "is it the labels?");
        problem(Map.of("path", "five.npy"), "five.npy has shape (2, 2, 2, 2, 2)", shapes);
        problem(Map.of("path", "empty.npy"), "empty.npy has shape (0, 3): no examples");
        problem(Map.of("path", "ambiguous.npy"), "ambiguous.npy has shape (4, 3, 3, 3)", "set layout: nchw");
        problem(Map.of("path", "channels2.npy"), "channels2.npy has shape (6, 2, 4, 5)", "or nhwc for [N, H, W, C]");
        problem(Map.of("path", "images.npy", "labels", "short_labels.npy"), "short_labels.npy holds 39 labels but",
                "images.npy holds 40 examples");
        problem(Map.of("path", "images.npy", "labels", "int64.npy"), "int64.npy has shape (8, 5)",
                "labels must be one per example, shape (N,) or (N, 1)");
        problem(Map.of("path", "narrow.npz", "key", "x_train", "testKey", "x_test"),
                "narrow.npz['x_test'] holds examples of shape [1, 6, 4] but", "of shape [1, 6, 5]");
        problem(Map.of("path", "mixed.npz", "key", "x_train", "testKey", "x_test"),
                "mixed.npz['x_test'] holds float32 values but", "holds uint8 values; save them alike");
    }

    @Test
    void badValuesAreNamedByExample() {
        problem(Map.of("path", "nan.npy"), "nan.npy: value 0 of example 1 is NaN; examples must be finite numbers");
        problem(Map.of("path", "images.npy", "labels", "negative_labels.npy"), "negative_labels.npy: label -1 of",
                "is not a class index from 0 to 65535");
    }

    @Test
    void dequantizingNeedsGreyLevels() {
        problem(Map.of("path", "vectors32.npy", "dequantize", Dequantization.UNIFORM),
                "dequantize: uniform dequantizes 8-bit grey levels", "holds float32 values");
        problem(Map.of("path", "binary_u8.npy", "dequantize", Dequantization.UNIFORM), "holds binary values");
    }

    @Test
    void splitsMustLeaveExamplesToTrainOn() {
        problem(Map.of("path", "images.npy", "validation", SplitSize.count(20), "test", SplitSize.count(20)),
                "images.npy: its 40 examples leave none to train on with validation 20 and test 20");
        problem(Map.of("path", "grey.npz", "key", "x_train", "testKey", "x_test", "validation", SplitSize.count(40)),
                "validation (40) must be smaller than the 40 training examples used from");
    }

    @Test
    void theConfigurationNamesLabelsOfBothSplitsOrNeither() {
        Map<String, Object> options = new HashMap<>(Map.of("path", "grey.npz", "key", "x_train", "labels", "y_train",
                "testKey", "x_test"));
        assertEquals("test_labels", configProblem(options).key());
        options.remove("testKey");
        options.put("testLabels", "y_test");
        assertEquals("test_labels", configProblem(options).key());
        assertEquals("test_limit", configProblem(Map.of("path", "a.npy", "testLimit", 5)).key());
        assertEquals("labels", configProblem(Map.of("path", "a.npy", "testPath", "b.npy", "testLabels", "c.npy"))
                .key());
        assertEquals("test", configProblem(Map.of("path", "a.npy", "validation", SplitSize.parse("0.5"),
                "test", SplitSize.parse("0.5"))).key());
        assertEquals("validation", configProblem(Map.of("path", "a.npy", "trainLimit", 10,
                "validation", SplitSize.count(10))).key());
        assertEquals("path", configProblem(Map.of("path", " ")).key());
    }

    @Test
    void aDirectoryIsNotAFile() throws IOException {
        Files.createDirectories(folder.resolve("folder.npy"));
        String message = problem(Map.of("path", "folder.npy"), "folder.npy is a directory");
        assertTrue(message.contains("NumPy"), message);
    }

    private static InvalidConfigException configProblem(Map<String, ?> options) {
        return assertThrows(InvalidConfigException.class, () -> DocumentedDefaults.of(NpyConfig.class, options));
    }
}
