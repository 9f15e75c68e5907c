package org.vaelab.plugins.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.InputProblems.assertProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.ExpectedRows;
import org.vaelab.plugins.data.SplitValues;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.testkit.PythonLibraries;

/**
 * Images Pillow wrote: RGB and grey PNGs in class subfolders, read back to the exact bytes Pillow
 * was given (beside each image, NumPy wrote them channels first as {@code .chw}, a file the dataset
 * ignores); the luma of RGB against Pillow's {@code convert('L')}; JPEGs against Pillow's own
 * decoding of them; splits, labels, class names and files that do not decode.
 */
class PillowImagesTest {

    /** Pillow's L is its fixed-point BT.601 luma; JPEG decoders may differ by a few levels (IDCT, upsampling). */
    private static final float LUMA_TOLERANCE = 1.5f / 255;
    private static final float JPEG_MEAN_TOLERANCE = 1.5f / 255;

    private static final String WRITE = """
            import os, sys
            import numpy as np
            from PIL import Image
            rng = np.random.default_rng(5)
            for kind, shape, mode in [('rgb', (6, 4, 3), 'RGB'), ('grey', (6, 4), 'L')]:
                for label, name in enumerate(['cats', 'dogs']):
                    os.makedirs(f'{kind}/{name}')
                    for i in range(3):
                        a = rng.integers(0, 256, shape, dtype=np.uint8)
                        Image.fromarray(a, mode).save(f'{kind}/{name}/{i}.png')
                        (a.transpose(2, 0, 1) if a.ndim == 3 else a).tofile(f'{kind}/{name}/{i}.chw')
                        if kind == 'rgb':
                            np.asarray(Image.fromarray(a).convert('L')).tofile(f'{kind}/{name}/{i}.luma')
            os.makedirs('jpeg')
            y, x = np.mgrid[0:24, 0:32]
            for i in range(4):
                a = np.stack([(x * 8 + 40 * i) % 256, (y * 10) % 256, ((x + y) * 4 + 60 * i) % 256], -1)
                Image.fromarray(a.astype(np.uint8)).save(f'jpeg/{i}.JPG', quality=95)
                np.asarray(Image.open(f'jpeg/{i}.JPG')).transpose(2, 0, 1).tofile(f'jpeg/{i}.chw')
            os.makedirs('test/cats')
            Image.fromarray(rng.integers(0, 256, (6, 4, 3), dtype=np.uint8)).save('test/cats/t.png')
            os.makedirs('framed')
            framed = np.zeros((8, 10, 3), dtype=np.uint8)
            framed[..., 2] = 255
            framed[2:6, 3:7] = [255, 0, 0]
            Image.fromarray(framed).save('framed/f.png')
            os.makedirs('other/birds')
            Image.fromarray(rng.integers(0, 256, (6, 4, 3), dtype=np.uint8)).save('other/birds/b.png')
            """;

    @TempDir
    static Path folder;

    @BeforeAll
    static void writeImagesWithPillow() throws IOException {
        PythonLibraries.run(folder, WRITE);
    }

    @Test
    void rgbPngsInClassFoldersKeepEveryByteAndTheirClass() throws Exception {
        DataSplits data = ImageTesting.load(folder, "rgb", Map.of("height", 6, "width", 4, "labels",
                ImageLabels.FOLDERS, "validation", 1, "test", 1));
        assertEquals(DataShape.image(3, 6, 4, ValueRange.UNIT_INTERVAL, 2), data.shape());
        assertEquals(List.of(4, 1, 1), List.of(data.train().size(), data.validation().size(), data.test().size()));
        expected("rgb", ".chw").assertHeldExactlyBy(List.of(data.train(), data.validation(), data.test()));
        assertEquals("id,label\n0,\"cats\"\n1,\"dogs\"\n", data.fitted().get("classes.csv"));
    }

    @Test
    void greyPngsAreExactInOneChannelAndRepeatedInThree() throws Exception {
        DataSplits grey = ImageTesting.load(folder, "grey", Map.of("channels", 1, "height", 6, "width", 4,
                "labels", ImageLabels.FOLDERS, "validation", 1, "test", 1));
        expected("grey", ".chw").assertHeldExactlyBy(List.of(grey.train(), grey.validation(), grey.test()));

        DataSplits rgb = ImageTesting.load(folder, "grey", Map.of("channels", 3, "height", 6, "width", 4,
                "validation", 1, "test", 1));
        float[] once = SplitValues.features(grey.train());
        float[] thrice = SplitValues.features(rgb.train());
        int plane = 6 * 4;
        for (int i = 0; i < once.length; i++) {
            int example = i / plane;
            for (int c = 0; c < 3; c++) {
                assertEquals(once[i], thrice[(example * 3 + c) * plane + i % plane], "channel " + c + " repeats grey");
            }
        }
    }

    @Test
    void rgbBecomesGreyAsPillowsLuma() throws Exception {
        DataSplits data = ImageTesting.load(folder, "rgb", Map.of("channels", 1, "height", 6, "width", 4,
                "labels", ImageLabels.FOLDERS, "validation", 1, "test", 1));
        List<float[]> pillow = rowsOf("rgb/cats/0.luma", "rgb/cats/1.luma", "rgb/cats/2.luma", "rgb/dogs/0.luma",
                "rgb/dogs/1.luma", "rgb/dogs/2.luma");
        for (float[] row : rows(SplitValues.features(data.train()), data.train().width())) {
            float[] luma = closest(row, pillow);
            for (int i = 0; i < row.length; i++) {
                assertEquals(luma[i], row[i], LUMA_TOLERANCE, "value " + i);
            }
        }
    }

    @Test
    void jpegsDecodeAsPillowDecodesThem() throws Exception {
        DataSplits data = ImageTesting.load(folder, "jpeg", Map.of("height", 24, "width", 32, "validation", 1,
                "test", 1));
        assertEquals(2, data.train().size(), "the .JPG files, in upper case, are read");
        List<float[]> pillow = rowsOf("jpeg/0.chw", "jpeg/1.chw", "jpeg/2.chw", "jpeg/3.chw");
        for (DataSplit split : List.of(data.train(), data.validation(), data.test())) {
            float[] ours = SplitValues.features(split);
            for (float[] row : rows(ours, split.width())) {
                double difference = meanAbsoluteDifference(closest(row, pillow), row);
                assertTrue(difference < JPEG_MEAN_TOLERANCE, "mean difference from Pillow's decoding: "
                        + difference * 255 + " levels");
            }
        }
    }

    @Test
    void aSeparateTestFolderIsTheTestSplitWithTheTrainingClasses() throws Exception {
        DataSplits data = ImageTesting.load(folder, "rgb", Map.of("height", 6, "width", 4, "labels",
                ImageLabels.FOLDERS, "validation", 2, "testPath", "test"));
        assertEquals(List.of(4, 2, 1), List.of(data.train().size(), data.validation().size(), data.test().size()));
        assertEquals(0, data.test().label(0).orElseThrow(), "test/cats is class 0 of the training folder");
        assertEquals(2, data.shape().classes());
    }

    /** An 8 x 10 blue image with a red 4 x 4 square in its centre. */
    @Test
    void cropCutsTheCentredSquareBeforeResizing() throws Exception {
        float[] cropped = SplitValues.features(ImageTesting.load(folder, "framed", Map.of("crop", 4, "height", 2,
                "width", 2, "validation", 0, "test", 0)).train());
        assertArrayEquals(new float[] {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, cropped, "all red: R plane, G, B");

        float[] whole = SplitValues.features(ImageTesting.load(folder, "framed", Map.of("height", 2, "width", 2,
                "validation", 0, "test", 0)).train());
        float red = whole[0];
        float blue = whole[8];
        assertEquals(4f / 16, red, 1f / 255, "the covered 4 x 4 quarter of the centred 8 x 8 window is a quarter red");
        assertEquals(12f / 16, blue, 1f / 255);
    }

    @Test
    void theDataDoesNotDependOnTheNumberOfThreads() throws Exception {
        assertEquals(digestWithThreads(1), digestWithThreads(3));
    }

    @Test
    void aFileThatDoesNotDecodeIsNamedTheFirstInPathOrder() throws Exception {
        Path broken = Files.createDirectories(folder.resolve("broken"));
        Files.copy(folder.resolve("rgb/cats/0.png"), broken.resolve("a.png"));
        byte[] png = Files.readAllBytes(folder.resolve("rgb/cats/1.png"));
        Files.write(broken.resolve("b.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(broken.resolve("c.jpg"), "not a JPEG");
        Files.copy(folder.resolve("rgb/dogs/0.png"), broken.resolve("d.png"));
        assertProblem(() -> ImageTesting.load(folder, "broken", Map.of("height", 6, "width", 4, "validation", 1,
                "test", 1)), broken.resolve("b.png").toString(), "does not decode");
        Files.delete(broken.resolve("b.png"));
        assertProblem(() -> ImageTesting.load(folder, "broken", Map.of("height", 6, "width", 4, "validation", 1,
                "test", 1)), broken.resolve("c.jpg").toString());
    }

    @Test
    void badFoldersAndLayoutsAreNamed() throws Exception {
        assertProblem(() -> ImageTesting.load(folder, "nowhere", Map.of()), folder.resolve("nowhere").toString(),
                "does not exist");
        assertProblem(() -> ImageTesting.load(folder, "rgb/cats/0.png", Map.of()), "is a file, not a folder");
        assertProblem(() -> ImageTesting.load(folder, "rgb", Map.of("extensions", List.of("bmp"))),
                "holds no files ending in .bmp");
        assertProblem(() -> ImageTesting.load(folder, "rgb/cats", Map.of("labels", ImageLabels.FOLDERS)),
                folder.resolve("rgb/cats/0.png").toString(), "lies directly in", "subfolder named after its class");
        assertProblem(() -> ImageTesting.load(folder, "rgb", Map.of("labels", ImageLabels.FOLDERS, "testPath",
                "other", "validation", 1)), folder.resolve("other/birds/b.png").toString(), "subfolder 'birds'",
                "not one of the classes of the training folder: cats, dogs");
        assertProblem(() -> ImageTesting.load(folder, "rgb", Map.of("validation", 3, "test", 3)),
                "holds 6 examples, which leaves none to train on after holding out validation (3) and test (3)");
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertEquals("channels", assertThrows(InvalidConfigException.class,
                () -> ImageTesting.config("x", Map.of("channels", 2))).key());
        assertEquals("test", assertThrows(InvalidConfigException.class,
                () -> ImageTesting.config("x", Map.of("test", 10, "testPath", "t"))).key());
        assertEquals("extensions", assertThrows(InvalidConfigException.class,
                () -> ImageTesting.config("x", Map.of("extensions", List.of("webp")))).key());
    }

    private static String digestWithThreads(int threads) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            DataSplits data = pool.submit(() -> ImageTesting.load(folder, "jpeg", Map.of("height", 12, "width", 12,
                    "validation", 1, "test", 1))).get();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DataSplit split : List.of(data.train(), data.validation(), data.test())) {
                split.updateDigest(digest);
            }
            return HexFormat.of().formatHex(digest.digest());
        } finally {
            pool.shutdown();
        }
    }

    private static ExpectedRows expected(String kind, String suffix) throws IOException {
        ExpectedRows rows = new ExpectedRows();
        for (String name : List.of("cats", "dogs")) {
            for (int i = 0; i < 3; i++) {
                rows.add(folder.resolve(kind + "/" + name + "/" + i + suffix), name.equals("cats") ? 0 : 1);
            }
        }
        return rows;
    }

    /** The rows NumPy wrote into {@code files} of the folder. */
    private static List<float[]> rowsOf(String... files) throws IOException {
        List<float[]> rows = new ArrayList<>();
        for (String file : files) {
            rows.add(rowOf(Files.readAllBytes(folder.resolve(file))));
        }
        return rows;
    }

    private static List<float[]> rows(float[] values, int width) {
        List<float[]> rows = new ArrayList<>();
        for (int from = 0; from < values.length; from += width) {
            rows.add(Arrays.copyOfRange(values, from, from + width));
        }
        return rows;
    }

    /** The candidate nearest {@code row}, by mean absolute difference. */
    private static float[] closest(float[] row, List<float[]> candidates) {
        return candidates.stream().min(Comparator.comparingDouble(c -> meanAbsoluteDifference(c, row)))
                .orElseThrow();
    }

    private static float[] rowOf(byte[] bytes) {
        float[] row = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            row[i] = Byte.toUnsignedInt(bytes[i]) / 255f;
        }
        return row;
    }

    private static double meanAbsoluteDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length, "values per image");
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }
}
