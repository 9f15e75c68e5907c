package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.core.artifacts.ImageGrid.GUTTER;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.ValueRange;

/**
 * Figures of 3-channel data are drawn in colour: test images of pure red, green, blue, yellow,
 * cyan and magenta pixels (channels first, as datasets keep them) come out of the written PNG with
 * exactly those colours where they are drawn, and what the model draws (reconstructions, prior
 * samples, traversals, interpolations) is not grey.
 */
class ColourFiguresTest {

    private static final int HEIGHT = 4;
    private static final int WIDTH = 5;
    private static final DataShape SHAPE = DataShape.image(3, HEIGHT, WIDTH, ValueRange.UNIT_INTERVAL, 3);
    private static final int[][] PALETTE = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}};
    private static final int EXAMPLES = 32;

    @TempDir
    Path folder;

    @Test
    void inputsKeepTheirColoursAtEveryPixel() {
        BufferedImage image = FigureFiles.image(Reconstructions.figure(inputs()), folder);
        for (int example = 0; example < 16; example++) {
            int left = GUTTER + example * (WIDTH + GUTTER);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int[] rgb = PALETTE[colourOf(example, y, x)];
                    int expected = rgb[0] * 0xff0000 | rgb[1] * 0x00ff00 | rgb[2] * 0x0000ff;
                    int drawn = image.getRGB(left + x, GUTTER + y) & 0xffffff;
                    assertEquals(Integer.toHexString(expected), Integer.toHexString(drawn),
                            "example " + example + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void whatTheModelDrawsIsInColour() {
        FigureInputs inputs = inputs();
        int reconstructionsTop = GUTTER + HEIGHT + GUTTER;
        BufferedImage reconstructions = FigureFiles.image(Reconstructions.figure(inputs), folder);
        assertTrue(hasColour(reconstructions.getSubimage(0, reconstructionsTop, reconstructions.getWidth(), HEIGHT)),
                "reconstructions");
        for (Figure figure : List.of(PriorSamples.figure(inputs), LatentTraversals.figure(inputs),
                LatentInterpolation.figures(inputs).get(0))) {
            assertTrue(hasColour(FigureFiles.image(figure, folder)), figure.path());
        }
    }

    /** The palette colour of pixel (x, y) of test example {@code example}. */
    private static int colourOf(int example, int y, int x) {
        return (example + y * WIDTH + x) % PALETTE.length;
    }

    private FigureInputs inputs() {
        int pixels = HEIGHT * WIDTH;
        float[] values = new float[EXAMPLES * SHAPE.size()];
        int[] labels = new int[EXAMPLES];
        for (int example = 0; example < EXAMPLES; example++) {
            labels[example] = example % 3;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int[] rgb = PALETTE[colourOf(example, y, x)];
                    for (int c = 0; c < 3; c++) {
                        values[example * SHAPE.size() + c * pixels + y * WIDTH + x] = rgb[c];
                    }
                }
            }
        }
        double[] kl = new double[4];
        Arrays.fill(kl, Double.NaN);
        return new FigureInputs(SmallVae.bernoulli(SHAPE, 4), SHAPE, new DataSplit(values, labels, SHAPE.size()), kl,
                new SplittableRandom(1), folder.resolve("metrics.csv"));
    }

    /** Whether some pixel of {@code image} has channels that differ by more than a level: not grey. */
    private static boolean hasColour(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (Math.max(Math.abs(r - g), Math.abs(g - b)) > 1) {
                    return true;
                }
            }
        }
        return false;
    }
}
