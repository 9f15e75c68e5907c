package org.vaelab.plugins.data.mnist;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.mnist.MnistTesting.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.grey.Dequantization;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.testkit.DocumentedDefaults;

/** The rules of {@link MnistConfig}. */
class MnistConfigTest {

    @Test
    void validationMustLeaveTrainingImagesWithinTheLimit() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> config(null, 1000, Binarization.NONE, 1000, 0));
        assertEquals("validation", e.key());
        assertTrue(e.getMessage().contains("train_limit (1000)"), e.getMessage());
        assertThrows(InvalidConfigException.class, () -> config(null, 2000, Binarization.NONE, 1000, 0));
        assertDoesNotThrow(() -> config(null, 999, Binarization.NONE, 1000, 0));
        assertDoesNotThrow(() -> config(null, 5000, Binarization.NONE, 0, 0), "0 means no limit");
        InvalidConfigException half = assertThrows(InvalidConfigException.class, () -> new MnistConfig(
                MnistVariant.FASHION, null, SplitSize.parse("0.5"), Binarization.NONE, Dequantization.NONE, 1, 0,
                false, null, null, null));
        assertTrue(half.getMessage().contains("validation (0.5) must leave some of the train_limit (1)"),
                half.getMessage());
    }

    @Test
    void classesAreDistinctLabelsFromZeroToNine() {
        for (List<Integer> bad : List.of(List.<Integer>of(), List.of(0, 10), List.of(-1), List.of(3, 3))) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> withClasses(bad));
            assertEquals("classes", e.key(), bad.toString());
        }
        assertTrue(assertThrows(InvalidConfigException.class, () -> withClasses(List.of(0, 10))).getMessage()
                .contains("from 0 to 9, found 10"));
        assertEquals(List.of(8, 0), withClasses(List.of(8, 0)).classes());
    }

    @Test
    void digitsNeedAPath() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new MnistConfig(MnistVariant.DIGITS, null, 5000, Binarization.NONE, 0, 0));
        assertEquals("path", e.key());
        assertTrue(e.getMessage().contains("set data.path to the folder holding the four MNIST IDX files"),
                e.getMessage());
        assertDoesNotThrow(() -> new MnistConfig(MnistVariant.DIGITS, "mnist", 5000, Binarization.NONE, 0, 0));
    }

    @Test
    void digitsWithoutAPathAreDownloadedIntoTheCache() {
        assertDoesNotThrow(() -> new MnistConfig(MnistVariant.DIGITS, null, SplitSize.count(5000), Binarization.NONE,
                Dequantization.NONE, 0, 0,
                true, null, null, null));
    }

    @Test
    void mirrorsMustBeHttpUrls() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> withMirrors(List.of("ftp://x/")));
        assertEquals("mirrors", e.key());
        assertTrue(e.getMessage().contains("'ftp://x/' is not an http or https URL"), e.getMessage());
        assertThrows(InvalidConfigException.class, () -> withMirrors(List.of("mnist/")));
        assertThrows(InvalidConfigException.class, () -> withMirrors(List.of("http://bad host/")));
        assertEquals("mirrors", assertThrows(InvalidConfigException.class, () -> withMirrors(List.of())).key());
        assertDoesNotThrow(() -> withMirrors(List.of("http://127.0.0.1:8080/mnist", "HTTPS://example.org/")));
    }

    @Test
    void mirrorsGetATrailingSlashSoFileNamesResolveBelowThem() {
        assertEquals(URI.create("http://127.0.0.1:8080/mnist/t10k-labels-idx1-ubyte.gz"),
                MnistDownloader.mirror("http://127.0.0.1:8080/mnist").resolve("t10k-labels-idx1-ubyte.gz"));
        assertEquals(URI.create("https://example.org/a/"), MnistDownloader.mirror("https://example.org/a/"));
    }

    @Test
    void documentedDefaultsMakeTheFashionConfigurationValidatingOnATwelfth() throws ReflectiveOperationException {
        assertEquals(new MnistConfig(MnistVariant.FASHION, null, SplitSize.ratio(1, 12), Binarization.NONE,
                        Dequantization.NONE, 0, 0, false, null, null, null),
                DocumentedDefaults.of(MnistConfig.class, Map.of()));
    }

    @Test
    void aTrainLimitIsNotRefusedBecauseOfTheDefaultValidation() throws ReflectiveOperationException {
        MnistConfig limited = DocumentedDefaults.of(MnistConfig.class, Map.of("trainLimit", 5000));
        assertEquals(417, limited.validation().of(limited.trainLimit()), "1/12 of 5,000");
        assertDoesNotThrow(() -> DocumentedDefaults.of(MnistConfig.class, Map.of("trainLimit", 1)),
                "1/12 of 1 rounds to none");
        assertDoesNotThrow(() -> DocumentedDefaults.of(MnistConfig.class,
                Map.of("trainLimit", 100, "validation", SplitSize.NONE)));
    }

    @Test
    void dequantizingNeedsGreyLevels() {
        for (Binarization binary : List.of(Binarization.THRESHOLD, Binarization.DYNAMIC)) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> new MnistConfig(MnistVariant.FASHION, null, SplitSize.NONE, binary, Dequantization.UNIFORM,
                            0, 0, false, null, null, null));
            assertEquals("dequantize", e.key());
            assertTrue(e.getMessage().contains("binarize: " + binary.name().toLowerCase(Locale.ROOT)), e.getMessage());
        }
        assertDoesNotThrow(() -> new MnistConfig(MnistVariant.FASHION, null, SplitSize.NONE, Binarization.NONE,
                Dequantization.UNIFORM, 0, 0, false, null, null, null));
    }

    private static MnistConfig withClasses(List<Integer> classes) {
        return new MnistConfig(MnistVariant.FASHION, null, SplitSize.count(5000), Binarization.NONE,
                Dequantization.NONE, 0, 0, false, null, null, classes);
    }

    private static MnistConfig withMirrors(List<String> mirrors) {
        return new MnistConfig(MnistVariant.FASHION, null, SplitSize.count(5000), Binarization.NONE,
                Dequantization.NONE, 0, 0, true, null, mirrors, null);
    }
}
