package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.core.artifacts.ImageGrid.HEADER_HEIGHT;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;

/**
 * The pictures over training, drawn from a small real VAE on 6 x 5 grey images of three classes:
 * the reconstructions and samples of the final figures, every pixel enlarged to a block of the
 * least size that makes a tile at least 84 pixels on its shorter side, and the class names above
 * the reconstructions only where the data names its classes.
 */
class TrainingSnapshotsTest {

    private static final DataShape SHAPE = DataShape.image(1, 6, 5, ValueRange.UNIT_INTERVAL, 3);
    /** 84 / 5 rounded up: a 5-pixel side becomes 85. */
    private static final int SCALE = 17;

    @TempDir
    Path folder;

    @Test
    void theScaleIsTheLeastThatMakesTheShorterSideAtLeast84Pixels() {
        assertEquals(SCALE, TrainingSnapshots.scale(SHAPE));
        assertEquals(3, TrainingSnapshots.scale(DataShape.image(1, 28, 28, ValueRange.UNIT_INTERVAL, 10)));
        assertEquals(2, TrainingSnapshots.scale(DataShape.image(3, 64, 42, ValueRange.UNIT_INTERVAL, 0)));
        assertEquals(1, TrainingSnapshots.scale(DataShape.image(3, 96, 96, ValueRange.UNIT_INTERVAL, 0)));
    }

    @Test
    void snapshotsAreTheFiguresEnlargedWithClassNamesAboveTheReconstructions() {
        LatentModel model = SmallVae.bernoulli(SHAPE, 4);
        FigureInputs named = inputs(model, List.of("Shoe", "Bag", "Coat"));
        Map<String, Figure> snapshots = TrainingSnapshots.draw(named, "images/training", "epoch-0002");
        assertEquals(List.of("reconstructions", "samples"), List.copyOf(snapshots.keySet()));
        assertEquals("images/training/samples-epoch-0002.png", snapshots.get("samples").path());

        BufferedImage reconstructions = FigureFiles.image(snapshots.get("reconstructions"), folder);
        BufferedImage plain = Reconstructions.grid(named, 1);
        assertEquals(plain.getWidth() * SCALE, reconstructions.getWidth());
        assertEquals(HEADER_HEIGHT + plain.getHeight() * SCALE, reconstructions.getHeight(), "a row of names");
        assertEnlarged(plain, reconstructions, HEADER_HEIGHT);
        assertTrue(hasInk(reconstructions, HEADER_HEIGHT), "the class names are written above the tiles");

        BufferedImage samples = FigureFiles.image(snapshots.get("samples"), folder);
        assertEnlarged(PriorSamples.grid(inputs(model, List.of())), samples, 0);

        BufferedImage unnamed = FigureFiles.image(TrainingSnapshots.draw(inputs(model, List.of()), "f", "x")
                .get("reconstructions"), folder);
        assertEquals(plain.getHeight() * SCALE, unnamed.getHeight(), "no names, no header");
        assertEnlarged(plain, unnamed, 0);
    }

    @Test
    void classesAreCalledByTheirNamesWhereTheDataNamesThem() {
        LatentModel model = SmallVae.bernoulli(SHAPE, 4);
        assertEquals("Bag", inputs(model, List.of("Shoe", "Bag", "Coat")).className(1));
        assertEquals("class 1", inputs(model, List.of()).className(1));
    }

    private FigureInputs inputs(LatentModel model, List<String> classNames) {
        double[] kl = new double[4];
        Arrays.fill(kl, Double.NaN);
        return new FigureInputs(model, SHAPE, SmallVae.images(SHAPE, 40, true), kl, new SplittableRandom(1),
                folder.resolve("metrics.csv"), classNames);
    }

    /** Every pixel of {@code small} is a SCALE x SCALE block of {@code large}, below {@code top} header rows. */
    private static void assertEnlarged(BufferedImage small, BufferedImage large, int top) {
        assertEquals(small.getWidth() * SCALE, large.getWidth());
        for (int y = 0; y < small.getHeight(); y++) {
            for (int x = 0; x < small.getWidth(); x++) {
                int expected = small.getRGB(x, y);
                assertEquals(expected, large.getRGB(x * SCALE, top + y * SCALE), "pixel " + x + "," + y);
                assertEquals(expected, large.getRGB(x * SCALE + SCALE - 1, top + y * SCALE + SCALE - 1));
            }
        }
    }

    private static boolean hasInk(BufferedImage image, int rows) {
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    return true;
                }
            }
        }
        return false;
    }
}
