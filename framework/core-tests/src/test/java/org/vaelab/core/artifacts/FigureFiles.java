package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Writing figures to a folder and reading their pixels back, for the figure tests. */
final class FigureFiles {

    private FigureFiles() {
    }

    /** Writes {@code figure} under {@code folder} at its relative path. */
    static Path write(Figure figure, Path folder) {
        try {
            Path file = folder.resolve(figure.path());
            Files.createDirectories(file.getParent());
            figure.content().writeTo(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code figure} and reads it back as an image. */
    static BufferedImage image(Figure figure, Path folder) {
        try {
            BufferedImage image = ImageIO.read(write(figure, folder).toFile());
            assertNotNull(image, figure.path() + " is not an image");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of different RGB values in {@code image}. */
    static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    /**
     * Whether some pixel is within {@code tolerance} per channel of {@code rgb} drawn with opacity
     * {@code alpha} (of 255) on white.
     */
    static boolean hasColourOnWhite(BufferedImage image, int rgb, int alpha, int tolerance) {
        int[] target = new int[3];
        for (int c = 0; c < 3; c++) {
            int channel = (rgb >> (16 - 8 * c)) & 0xff;
            target[c] = Math.round((channel * alpha + 255 * (255 - alpha)) / 255f);
        }
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                boolean close = true;
                for (int c = 0; c < 3 && close; c++) {
                    close = Math.abs(((pixel >> (16 - 8 * c)) & 0xff) - target[c]) <= tolerance;
                }
                if (close) {
                    return true;
                }
            }
        }
        return false;
    }
}
