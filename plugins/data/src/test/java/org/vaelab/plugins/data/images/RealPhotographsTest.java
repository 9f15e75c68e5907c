package org.vaelab.plugins.data.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vaelab.plugins.data.InputProblems.assertProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.plugins.data.SplitValues;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.testkit.PythonLibraries;

/**
 * Real photographs that Debian's scikit-learn ({@code china.jpg}, {@code flower.jpg}) and
 * scikit-image ({@code skimage/data}: RGB, grey, 16-bit, palette and RGBA PNGs, a JPEG and a
 * truncated JPEG) ship, resized and centre-cropped to 32x48 and compared with what Pillow makes of
 * them: {@code ImageOps.fit} with the box filter, the same cover-then-centre-crop by area averaging
 * (Pillow samples its box at pixel centres where this reader weights partly covered pixels by their
 * share, and decodes JPEG with libjpeg, so values differ by a few levels at sharp edges).
 */
class RealPhotographsTest {

    private static final Path SKLEARN = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/images");
    private static final Path SKIMAGE = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    private static final int HEIGHT = 32;
    private static final int WIDTH = 48;
    private static final double MEAN_TOLERANCE = 1.0 / 255;
    private static final double LARGEST_TOLERANCE = 10.0 / 255;
    private static final List<String> PHOTOGRAPHS = List.of("sklearn:china.jpg", "sklearn:flower.jpg",
            "skimage:astronaut.png", "skimage:camera.png", "skimage:chessboard_RGB.png", "skimage:green_palette.png",
            "skimage:logo.png", "skimage:hubble_deep_field.jpg");

    private static final String PILLOW_FIT = """
            import os, sys
            import numpy as np
            from PIL import Image, ImageOps
            width, height = int(sys.argv[1]), int(sys.argv[2])
            for source in sys.argv[3:]:
                for mode in ['L', 'RGB']:
                    image = Image.open(source).convert(mode)
                    a = np.asarray(ImageOps.fit(image, (width, height), method=Image.Resampling.BOX))
                    (a.transpose(2, 0, 1) if a.ndim == 3 else a).tofile(f'{mode}-{os.path.basename(source)}.chw')
            """;

    @TempDir
    static Path folder;

    @BeforeAll
    static void fitWithPillow() throws IOException {
        assumeTrue(Files.isDirectory(SKLEARN) && Files.isDirectory(SKIMAGE),
                "apt-get install python3-sklearn python3-skimage to run these tests (scripts/test does)");
        List<String> args = new ArrayList<>(List.of(Integer.toString(WIDTH), Integer.toString(HEIGHT)));
        PHOTOGRAPHS.forEach(photograph -> args.add(source(photograph).toString()));
        PythonLibraries.run(folder, PILLOW_FIT, args.toArray(String[]::new));
    }

    static List<String> photographs() {
        return PHOTOGRAPHS;
    }

    @ParameterizedTest
    @MethodSource("photographs")
    void resizedAndCroppedAsPillowFitsThem(String photograph) throws Exception {
        Path source = source(photograph);
        Path single = Files.createDirectories(folder.resolve("single-" + source.getFileName()));
        Files.copy(source, single.resolve(source.getFileName()));
        for (int channels : new int[] {1, 3}) {
            Path expected = folder.resolve((channels == 1 ? "L-" : "RGB-") + source.getFileName() + ".chw");
            DataSplits data = ImageTesting.load(folder, single.getFileName().toString(), Map.of("channels", channels,
                    "height", HEIGHT, "width", WIDTH, "validation", 0, "test", 0));
            float[] ours = SplitValues.features(data.train());
            byte[] pillow = Files.readAllBytes(expected);
            assertEquals(pillow.length, ours.length);
            double sum = 0;
            double largest = 0;
            for (int i = 0; i < ours.length; i++) {
                double difference = Math.abs(ours[i] - Byte.toUnsignedInt(pillow[i]) / 255.0);
                sum += difference;
                largest = Math.max(largest, difference);
            }
            double mean = sum / ours.length;
            String measured = source + " in " + channels + " channel(s): mean difference " + mean * 255
                    + " levels, largest " + largest * 255;
            assertTrue(mean < MEAN_TOLERANCE && largest <= LARGEST_TOLERANCE, measured);
        }
    }

    private static Path source(String photograph) {
        return (photograph.startsWith("sklearn") ? SKLEARN : SKIMAGE).resolve(photograph.split(":")[1]);
    }

    @Test
    void scikitImagesTruncatedJpegIsNamed() throws IOException {
        Path truncated = SKIMAGE.resolve("truncated.jpg");
        assumeTrue(Files.exists(truncated), "scikit-image's truncated.jpg");
        Path broken = Files.createDirectories(folder.resolve("truncated"));
        Files.copy(truncated, broken.resolve("truncated.jpg"));
        Files.copy(SKLEARN.resolve("china.jpg"), broken.resolve("china.jpg"));
        assertProblem(() -> ImageTesting.load(folder, "truncated", Map.of("validation", 0, "test", 0)),
                broken.resolve("truncated.jpg").toString(), "does not decode as an image");
    }

}
