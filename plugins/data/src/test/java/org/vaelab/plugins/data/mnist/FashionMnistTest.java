package org.vaelab.plugins.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vaelab.plugins.data.SplitValues.features;
import static org.vaelab.plugins.data.SplitValues.labels;
import static org.vaelab.plugins.data.mnist.MnistTesting.FASHION;
import static org.vaelab.plugins.data.mnist.MnistTesting.NAMES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TEST_IMAGES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TEST_LABELS;
import static org.vaelab.plugins.data.mnist.MnistTesting.TRAIN_IMAGES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TRAIN_LABELS;
import static org.vaelab.plugins.data.mnist.MnistTesting.config;
import static org.vaelab.plugins.data.mnist.MnistTesting.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.grey.Dequantization;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.testkit.DocumentedDefaults;

/** The real Fashion-MNIST files of the Debian package {@code dataset-fashion-mnist}. */
class FashionMnistTest {

    private static final Path NOWHERE = Path.of("/nonexistent");

    /** The whole dataset, loaded once with the default configuration. */
    private static DataSplits full;

    @BeforeAll
    static void loadFullDataset() throws IOException, ReflectiveOperationException {
        assumeTrue(Files.isDirectory(FASHION), "apt-get install dataset-fashion-mnist to run these tests");
        full = load(DocumentedDefaults.of(MnistConfig.class, Map.of()), NOWHERE, 1);
    }

    /** The default validation, 1/12 of the training images, is MNIST's 5,000 of 60,000, as quickstart splits. */
    @Test
    void splitsHaveTheStandardSizesAndShape() {
        assertEquals(55_000, full.train().size());
        assertEquals(5_000, full.validation().size());
        assertEquals(10_000, full.test().size());
        assertEquals(List.of(1, 28, 28), full.shape().dims());
        assertEquals(ValueRange.UNIT_INTERVAL, full.shape().range());
        assertEquals(10, full.shape().classes());
        assertSame(BatchTransform.IDENTITY, full.trainTransform());
    }

    @Test
    void firstTrainingAndTestImagesAreAnkleBoots() {
        assertEquals(9, full.train().label(0).orElseThrow());
        assertEquals(9, full.test().label(0).orElseThrow());
    }

    /** A name for each of the data's classes, label 9 the ankle boots of the first images (Xiao et al. 2017). */
    @Test
    void eachClassHasItsName() throws ReflectiveOperationException {
        List<String> names = new MnistDataset(DocumentedDefaults.of(MnistConfig.class, Map.of())).classNames();
        assertEquals(full.shape().classes(), names.size());
        assertEquals("Ankle boot", names.get(full.test().label(0).orElseThrow()));
        assertEquals(List.of(), MnistVariant.DIGITS.classNames(), "the digits are their own names");
    }

    @Test
    void greyLevelsLieInTheUnitIntervalAndUseIt() {
        for (DataSplit split : List.of(full.train(), full.validation(), full.test())) {
            float[] values = features(split);
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            boolean grey = false;
            for (float v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                grey |= v > 0 && v < 1;
            }
            assertEquals(0f, min);
            assertEquals(1f, max);
            assertTrue(grey, "some values are strictly between 0 and 1");
        }
    }

    @Test
    void testSetHasOneThousandImagesPerClass() {
        int[] histogram = new int[10];
        for (int label : labels(full.test())) {
            histogram[label]++;
        }
        int[] expected = new int[10];
        Arrays.fill(expected, 1000);
        assertArrayEquals(expected, histogram);
    }

    @Test
    void classesKeepOnlyTheirImagesInEverySplitAndLimitsCountKeptImages() throws IOException {
        List<Integer> kept = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8);
        DataSplits normal = load(new MnistConfig(MnistVariant.FASHION, null, SplitSize.count(500), Binarization.NONE,
                Dequantization.NONE, 3000, 1000,
                false, null, null, kept), NOWHERE, 1);
        assertEquals(2500, normal.train().size());
        assertEquals(500, normal.validation().size());
        assertEquals(1000, normal.test().size());
        for (DataSplit split : List.of(normal.train(), normal.validation(), normal.test())) {
            assertTrue(Arrays.stream(labels(split)).allMatch(label -> label != 9), "no ankle boots");
        }
        assertEquals(10, normal.shape().classes(), "labels keep their meaning");

        DataSplits boots = load(new MnistConfig(MnistVariant.FASHION, null, SplitSize.count(5000), Binarization.NONE,
                Dequantization.NONE, 0, 0,
                false, null, null, List.of(9)), NOWHERE, 1);
        assertEquals(1000, boots.test().size());
        int[] all = labels(full.test());
        int[] bootIndices = IntStream.range(0, all.length).filter(i -> all[i] == 9).toArray();
        for (int k : new int[] {0, 1, 999}) {
            assertArrayEquals(features(full.test(), bootIndices[k], bootIndices[k] + 1),
                    features(boots.test(), k, k + 1), "boot " + k + " is test image " + bootIndices[k]);
        }
        assertEquals(6000 - 5000, boots.train().size(), "6,000 training boots less the 5,000 of validation");
    }

    @Test
    void uncompressedCopiesLoadIdentically(@TempDir Path dir) throws IOException {
        for (String name : NAMES) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(FASHION.resolve(name + ".gz")))) {
                Files.copy(in, dir.resolve(name));
            }
        }
        assertSameData(full, load(config(dir.toString(), 5000, Binarization.NONE, 0, 0), NOWHERE, 1));
    }

    @Test
    void compressionIsRecognisedByContentNotName(@TempDir Path dir) throws IOException {
        // Gzipped content without .gz, plain content with .gz, and the two kinds mixed in one folder.
        Files.copy(FASHION.resolve(TRAIN_IMAGES + ".gz"), dir.resolve(TRAIN_IMAGES));
        Files.copy(FASHION.resolve(TRAIN_LABELS + ".gz"), dir.resolve(TRAIN_LABELS));
        try (InputStream in = new GZIPInputStream(
                Files.newInputStream(FASHION.resolve(TEST_IMAGES + ".gz")))) {
            Files.copy(in, dir.resolve(TEST_IMAGES + ".gz"));
        }
        Files.copy(FASHION.resolve(TEST_LABELS + ".gz"), dir.resolve(TEST_LABELS + ".gz"));
        assertSameData(full, load(config(dir.toString(), 5000, Binarization.NONE, 0, 0), NOWHERE, 1));
    }

    @Test
    void limitsTakeTheFirstImagesAndValidationTheEndOfThem() throws IOException {
        DataSplits limited = load(config(null, 100, Binarization.NONE, 1000, 500), NOWHERE, 1);
        assertEquals(900, limited.train().size());
        assertEquals(100, limited.validation().size());
        assertEquals(500, limited.test().size());
        assertArrayEquals(features(full.train(), 0, 900), features(limited.train()));
        assertArrayEquals(features(full.train(), 900, 1000), features(limited.validation()));
        assertArrayEquals(features(full.test(), 0, 500), features(limited.test()));
        assertArrayEquals(Arrays.copyOfRange(labels(full.train()), 900, 1000), labels(limited.validation()));
    }

    @Test
    void thresholdGivesZeroOrOneAccordingToGreyLevel() throws IOException {
        DataSplits binary = load(config(null, 100, Binarization.THRESHOLD, 1000, 500), NOWHERE, 1);
        assertEquals(ValueRange.BINARY, binary.shape().range());
        assertThresholded(features(full.train(), 0, 900), features(binary.train()));
        assertThresholded(features(full.train(), 900, 1000), features(binary.validation()));
        assertThresholded(features(full.test(), 0, 500), features(binary.test()));
    }

    @Test
    void dynamicBinarisationResamplesTrainingBatchesAroundTheGreyLevels() throws IOException {
        DataSplits dynamic = load(config(null, 100, Binarization.DYNAMIC, 1000, 500), NOWHERE, 42);
        assertEquals(ValueRange.BINARY, dynamic.shape().range());
        float[] grey = features(dynamic.train(), 0, 16);
        assertArrayEquals(features(full.train(), 0, 16), grey, "the training split keeps its grey levels");

        SplittableRandom random = new SplittableRandom(7);
        float[] first = resample(dynamic.trainTransform(), grey, random);
        float[] second = resample(dynamic.trainTransform(), grey, random);
        assertBinary(first);
        assertFalse(Arrays.equals(first, second), "two samples of one batch differ");

        int samples = 2000;
        double[] mean = new double[grey.length];
        for (int s = 0; s < samples; s++) {
            float[] sample = resample(dynamic.trainTransform(), grey, random);
            for (int i = 0; i < grey.length; i++) {
                mean[i] += sample[i] / (double) samples;
            }
        }
        double error = 0;
        for (int i = 0; i < grey.length; i++) {
            error += Math.abs(mean[i] - grey[i]) / grey.length;
        }
        assertTrue(error < 0.02, "mean absolute deviation of the sample mean from the grey levels: " + error);
    }

    @Test
    void dynamicBinarisationFixesValidationAndTestFromTheSeed() throws IOException {
        DataSplits one = load(config(null, 100, Binarization.DYNAMIC, 1000, 500), NOWHERE, 42);
        DataSplits again = load(config(null, 100, Binarization.DYNAMIC, 1000, 500), NOWHERE, 42);
        DataSplits otherSeed = load(config(null, 100, Binarization.DYNAMIC, 1000, 500), NOWHERE, 43);
        DataSplits otherValidation = load(config(null, 50, Binarization.DYNAMIC, 1000, 500), NOWHERE, 42);

        assertBinary(features(one.validation()));
        assertBinary(features(one.test()));
        assertArrayEquals(features(one.validation()), features(again.validation()));
        assertArrayEquals(features(one.test()), features(again.test()));
        assertFalse(Arrays.equals(features(one.test()), features(otherSeed.test())));
        assertArrayEquals(features(one.test()), features(otherValidation.test()),
                "the test images do not depend on the validation size");
    }

    private static float[] resample(BatchTransform transform, float[] grey, SplittableRandom random) {
        float[] batch = grey.clone();
        transform.apply(batch, 16, 784, random);
        return batch;
    }

    private static void assertThresholded(float[] grey, float[] binary) {
        assertEquals(grey.length, binary.length);
        for (int i = 0; i < grey.length; i++) {
            assertEquals(grey[i] > 0.5f ? 1f : 0f, binary[i]);
        }
    }

    private static void assertBinary(float[] values) {
        for (float v : values) {
            assertTrue(v == 0f || v == 1f, "not binary: " + v);
        }
    }

    private static void assertSameData(DataSplits expected, DataSplits actual) {
        assertEquals(expected.shape(), actual.shape());
        assertSameData(expected.train(), actual.train());
        assertSameData(expected.validation(), actual.validation());
        assertSameData(expected.test(), actual.test());
    }

    private static void assertSameData(DataSplit expected, DataSplit actual) {
        assertArrayEquals(features(expected), features(actual));
        assertArrayEquals(labels(expected), labels(actual));
    }
}
