package org.vaelab.plugins.data.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.SplitValues.features;
import static org.vaelab.plugins.data.SplitValues.labels;
import static org.vaelab.plugins.data.npy.NumPyFixtures.floats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.grey.Dequantization;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.testkit.DocumentedDefaults;

/**
 * The {@code npy} dataset on files NumPy wrote ({@link NumPyFixtures}): every element type it
 * takes, labels, both image layouts, the three format versions, both byte orders, {@code .npz}
 * archives stored and compressed, and how it splits.
 */
class NpyDatasetTest {

    @TempDir
    static Path folder;
    static JsonNode numpy;

    @BeforeAll
    static void writeFixtures() throws IOException {
        numpy = NumPyFixtures.write(folder);
    }

    /** Loads with the documented defaults and {@code options} (by record component name), seed 1. */
    static DataSplits load(Map<String, ?> options) throws IOException, ReflectiveOperationException {
        return load(options, 1);
    }

    static DataSplits load(Map<String, ?> options, long seed) throws IOException, ReflectiveOperationException {
        return new NpyDataset(DocumentedDefaults.of(NpyConfig.class, options))
                .load(new LoadContext(folder, seed));
    }

    /** The options of an archive with a test array, kept in the file's order. */
    private static Map<String, Object> archive(String file) {
        Map<String, Object> options = new HashMap<>(Map.of("path", file, "key", "x_train", "labels", "y_train",
                "testKey", "x_test", "testLabels", "y_test", "shuffle", false));
        options.put("validation", SplitSize.count(8));
        return options;
    }

    @Test
    void uint8ImagesAreGreyLevelsOverTwoHundredFiftyFiveWithTheirLabels() throws Exception {
        for (String file : List.of("grey.npz", "grey_stored.npz")) {
            DataSplits splits = load(archive(file));
            assertEquals(List.of(1, 6, 5), splits.shape().dims(), file);
            assertEquals(ValueRange.UNIT_INTERVAL, splits.shape().range());
            assertEquals(4, splits.shape().classes(), "labels 0 to 3");
            assertFalse(splits.shape().isDequantized());
            assertSame(BatchTransform.IDENTITY, splits.trainTransform());
            float[] train = greyLevels(floats(numpy.get("grey_train")));
            assertArrayEquals(Arrays.copyOf(train, 32 * 30), features(splits.train()));
            assertArrayEquals(Arrays.copyOfRange(train, 32 * 30, 40 * 30), features(splits.validation()),
                    "the last 8 training images validate");
            assertArrayEquals(greyLevels(floats(numpy.get("grey_test"))), features(splits.test()));
            int[] trainLabels = ints(numpy.get("labels_train"));
            assertArrayEquals(Arrays.copyOf(trainLabels, 32), labels(splits.train()));
            assertArrayEquals(Arrays.copyOfRange(trainLabels, 32, 40), labels(splits.validation()));
            assertArrayEquals(ints(numpy.get("labels_test")), labels(splits.test()));
        }
    }

    @Test
    void aNpyFileTakesItsLabelsFromANpyFileBesideIt() throws Exception {
        DataSplits fromArchive = load(archive("grey.npz"));
        DataSplits fromFiles = load(Map.of("path", "images.npy", "labels", "labels.npy", "testPath", "test_images.npy",
                "testLabels", "test_labels.npy", "shuffle", false, "validation", SplitSize.count(8)));
        assertEquals(digest(fromArchive), digest(fromFiles));
        DataSplits column = load(Map.of("path", "images.npy", "labels", "labels_column.npy", "testPath",
                "test_images.npy", "testLabels", "test_labels.npy", "shuffle", false, "validation",
                SplitSize.count(8)));
        assertEquals(digest(fromArchive), digest(column), "labels of shape (N, 1), uint8, read alike");
    }

    @Test
    void anArchiveOfOneArrayNeedsNoKey() throws Exception {
        DataSplits splits = load(Map.of("path", "one.npz", "shuffle", false, "validation", SplitSize.NONE,
                "test", SplitSize.count(10)));
        float[] train = greyLevels(floats(numpy.get("grey_train")));
        assertArrayEquals(Arrays.copyOf(train, 30 * 30), features(splits.train()));
        assertArrayEquals(Arrays.copyOfRange(train, 30 * 30, 40 * 30), features(splits.test()));
        assertEquals(0, splits.validation().size());
        assertEquals(0, splits.shape().classes());
        assertFalse(splits.train().hasLabels());
    }

    @Test
    void channelsLastImagesAreReorderedToChannelsFirst() throws Exception {
        Map<String, Object> options = new HashMap<>(Map.of("shuffle", false, "validation", SplitSize.NONE,
                "test", SplitSize.count(2)));
        options.put("path", "nchw.npy");
        DataSplits nchw = load(options);
        options.put("path", "nhwc.npy");
        DataSplits nhwc = load(options);
        options.put("layout", ImageLayout.NHWC);
        DataSplits told = load(options);
        assertEquals(List.of(3, 6, 5), nchw.shape().dims());
        assertEquals(List.of(3, 6, 5), nhwc.shape().dims());
        float[] values = floats(numpy.get("nchw"));
        assertArrayEquals(Arrays.copyOf(values, 10 * 90), features(nchw.train()));
        assertEquals(digest(nchw), digest(nhwc));
        assertEquals(digest(nchw), digest(told));
        assertEquals(ValueRange.REAL, nchw.shape().range());
        options.put("path", "channels2.npy");
        options.put("layout", ImageLayout.NCHW);
        assertEquals(List.of(2, 4, 5), load(options).shape().dims(), "any channel count once said");
    }

    @Test
    void floatsAreTakenAsTheyAreWhateverTheirVersionOrByteOrder() throws Exception {
        float[] vectors = floats(numpy.get("vectors"));
        for (String file : List.of("vectors64.npy", "vectors32.npy", "bigendian.npy", "v2.npy", "v3.npy")) {
            DataSplits splits = load(Map.of("path", file, "shuffle", false, "validation", SplitSize.count(5),
                    "test", SplitSize.count(5)));
            assertEquals(List.of(7), splits.shape().dims(), file);
            assertEquals(ValueRange.REAL, splits.shape().range(), file);
            assertArrayEquals(Arrays.copyOf(vectors, 20 * 7), features(splits.train()), file);
            assertArrayEquals(Arrays.copyOfRange(vectors, 25 * 7, 30 * 7), features(splits.test()), file);
        }
        DataSplits unit = load(Map.of("path", "unit.npy"));
        assertEquals(ValueRange.UNIT_INTERVAL, unit.shape().range(), "floats in [0, 1]");
    }

    @Test
    void boolArraysAndUint8ArraysOfOnlyZerosAndOnesAreBinary() throws Exception {
        float[] bits = floats(numpy.get("bits"));
        for (String file : List.of("bits.npy", "binary_u8.npy")) {
            DataSplits splits = load(Map.of("path", file, "shuffle", false, "validation", SplitSize.count(4),
                    "test", SplitSize.count(4)));
            assertEquals(ValueRange.BINARY, splits.shape().range(), file);
            assertArrayEquals(Arrays.copyOf(bits, 12 * 8), features(splits.train()), "0 and 1, not 1/255: " + file);
        }
    }

    @Test
    void oneArrayIsShuffledWithTheSeedThenSplitByFractionsOfAllItsExamples() throws Exception {
        Map<String, Object> options = Map.of("path", "images.npy", "labels", "labels.npy",
                "validation", SplitSize.parse("0.1"), "test", SplitSize.parse("1/4"));
        DataSplits one = load(options, 3);
        assertEquals(List.of(26, 4, 10), List.of(one.train().size(), one.validation().size(), one.test().size()));
        assertEquals(digest(one), digest(load(options, 3)), "the same seed splits alike");
        assertNotEquals(digest(one), digest(load(options, 4)));
        float[] all = greyLevels(floats(numpy.get("grey_train")));
        int[] labels = ints(numpy.get("labels_train"));
        List<DataSplit> parts = List.of(one.train(), one.validation(), one.test());
        int[] seen = new int[40];
        for (DataSplit part : parts) {
            float[] values = features(part);
            for (int row = 0; row < part.size(); row++) {
                int source = find(all, Arrays.copyOfRange(values, row * 30, row * 30 + 30));
                seen[source]++;
                assertEquals(labels[source], part.label(row).orElseThrow(), "each image keeps its label");
            }
        }
        assertTrue(Arrays.stream(seen).allMatch(count -> count == 1), "every image in exactly one split");
    }

    @Test
    void limitsTakeTheFirstExamplesOfEachArray() throws Exception {
        Map<String, Object> options = archive("grey.npz");
        options.put("trainLimit", 20);
        options.put("testLimit", 3);
        options.put("validation", SplitSize.parse("1/4"));
        DataSplits splits = load(options);
        assertEquals(List.of(15, 5, 3), List.of(splits.train().size(), splits.validation().size(),
                splits.test().size()));
        float[] train = greyLevels(floats(numpy.get("grey_train")));
        assertArrayEquals(Arrays.copyOfRange(train, 15 * 30, 20 * 30), features(splits.validation()));
    }

    @Test
    void dequantizedGreyLevelsTrainFreshAndEvaluateFixed() throws Exception {
        Map<String, Object> options = archive("grey.npz");
        options.put("dequantize", Dequantization.UNIFORM);
        DataSplits splits = load(options);
        assertTrue(splits.shape().isDequantized());
        assertEquals(256, splits.shape().levels());
        assertEquals(ValueRange.UNIT_INTERVAL, splits.shape().range());
        float[] test = features(splits.test());
        float[] levels = floats(numpy.get("grey_test"));
        for (int i = 0; i < test.length; i++) {
            assertTrue(test[i] >= levels[i] / 256 && test[i] < (levels[i] + 1) / 256, "within its level's cell");
        }
        assertArrayEquals(test, features(load(options).test()), "test values are drawn once, from the seed");
        float[] batch = features(splits.train());
        float[] grey = batch.clone();
        splits.trainTransform().apply(batch, splits.train().size(), 30, new SplittableRandom(9));
        float[] train = floats(numpy.get("grey_train"));
        for (int i = 0; i < batch.length; i++) {
            assertEquals(train[i] / 255, grey[i], 0, "kept as grey levels b / 255");
            assertTrue(batch[i] >= train[i] / 256 && batch[i] < (train[i] + 1) / 256);
        }
    }

    @Test
    void theSameSeedLoadsTheSameShuffledData() throws Exception {
        Map<String, Object> options = new HashMap<>(archive("grey.npz"));
        options.put("shuffle", true);
        assertEquals(digest(load(options, 11)), digest(load(options, 11)));
        DataSplits shuffled = load(options, 11);
        assertArrayEquals(greyLevels(floats(numpy.get("grey_test"))), features(shuffled.test()),
                "a test array is never shuffled");
    }

    static float[] greyLevels(float[] bytes) {
        float[] levels = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            levels[i] = (int) bytes[i] / 255f;
        }
        return levels;
    }

    private static int[] ints(JsonNode array) {
        float[] values = floats(array);
        int[] ints = new int[values.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) values[i];
        }
        return ints;
    }

    private static int find(float[] all, float[] row) {
        for (int i = 0; i < all.length / row.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(all, i * row.length, (i + 1) * row.length), row)) {
                return i;
            }
        }
        throw new AssertionError("a row not in the array");
    }

    static String digest(DataSplits splits) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        splits.train().updateDigest(digest);
        splits.validation().updateDigest(digest);
        splits.test().updateDigest(digest);
        return HexFormat.of().formatHex(digest.digest());
    }
}
