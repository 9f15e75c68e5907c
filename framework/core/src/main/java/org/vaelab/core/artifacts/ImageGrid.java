package org.vaelab.core.artifacts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.vaelab.spi.data.DataShape;

/**
 * Lays out images given as rows of a {@code [n, C*H*W]} float matrix, values in [0, 1], in a grid
 * of {@code columns} images per row with a 2-pixel gutter, and writes it as PNG. One channel is
 * drawn grey, three as RGB.
 */
public final class ImageGrid {

    private static final int GUTTER = 2;

    private ImageGrid() {
    }

    /** Writes {@code images} (row-major, {@code count * shape.size()} values) to {@code file}. */
    public static void write(float[] images, int count, DataShape shape, int columns, Path file) throws IOException {
        int channels = shape.dims().get(0);
        int height = shape.dims().get(1);
        int width = shape.dims().get(2);
        int rows = (count + columns - 1) / columns;
        BufferedImage grid = new BufferedImage(columns * (width + GUTTER) + GUTTER, rows * (height + GUTTER) + GUTTER,
                BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < count; i++) {
            int left = GUTTER + (i % columns) * (width + GUTTER);
            int top = GUTTER + (i / columns) * (height + GUTTER);
            int offset = i * shape.size();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int pixel = y * width + x;
                    int r = level(images[offset + pixel]);
                    int g = channels == 3 ? level(images[offset + height * width + pixel]) : r;
                    int b = channels == 3 ? level(images[offset + 2 * height * width + pixel]) : r;
                    grid.setRGB(left + x, top + y, (r << 16) | (g << 8) | b);
                }
            }
        }
        if (!ImageIO.write(grid, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static int level(float value) {
        return Math.round(Math.max(0f, Math.min(1f, value)) * 255f);
    }
}
