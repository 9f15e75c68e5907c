package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Checks that a picture a command wrote exists and shows something. */
final class FigureChecks {

    private FigureChecks() {
    }

    /**
     * Asserts that {@code file} is a readable image (a GIF's first frame) at least {@code minSide}
     * pixels on each side, of which at least 2 percent differ from its top-left pixel.
     */
    static BufferedImage assertDrawn(Path file, int minSide) throws IOException {
        assertTrue(Files.isRegularFile(file) && Files.size(file) > 0, file + " exists and is not empty");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is an image");
        assertTrue(image.getWidth() >= minSide && image.getHeight() >= minSide,
                file + " is " + image.getWidth() + "x" + image.getHeight());
        int background = image.getRGB(0, 0);
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    drawn++;
                }
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        assertTrue(drawn * 50 >= pixels, file + ": only " + drawn + " of " + pixels
                + " pixels differ from the background");
        return image;
    }
}
