package org.vaelab.core.artifacts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.vaelab.spi.data.DataShape;

/**
 * Lays out images given as rows of a {@code [n, C*H*W]} float matrix, values in [0, 1], in a grid
 * of {@code columns} images per row with a 2-pixel black gutter. One channel is drawn grey, three
 * as RGB. A grid may get a white margin of row labels on its left and of column labels above it.
 */
public final class ImageGrid {

    /** Pixels between two images and around the grid. */
    static final int GUTTER = 2;
    /** The width of the row-label margin. */
    static final int LABEL_WIDTH = 96;
    /** The height of the column-label margin. */
    static final int HEADER_HEIGHT = 16;

    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ImageGrid() {
    }

    /** The grid of {@code count} images (row-major, {@code count * shape.size()} values). */
    public static BufferedImage render(float[] images, int count, DataShape shape, int columns) {
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
        return grid;
    }

    /**
     * {@code grid} (of images of {@code shape}) with {@code rowLabels} left of its rows (a label may
     * hold several lines, split at {@code \n}, centred on its row; the margin is
     * {@link #LABEL_WIDTH} wide, wider for a longer line) and {@code columnLabels} centred above
     * its columns; an empty list adds no margin.
     */
    static BufferedImage labelled(BufferedImage grid, DataShape shape, List<String> rowLabels,
            List<String> columnLabels) {
        return labelled(grid, shape, 1, rowLabels, columnLabels);
    }

    /** As {@link #labelled(BufferedImage, DataShape, List, List)}, of a grid {@link #enlarged} {@code scale} times. */
    static BufferedImage labelled(BufferedImage grid, DataShape shape, int scale, List<String> rowLabels,
            List<String> columnLabels) {
        int left = rowLabels.isEmpty() ? 0 : Math.max(LABEL_WIDTH, widestLine(rowLabels) + 8);
        int top = columnLabels.isEmpty() ? 0 : HEADER_HEIGHT;
        BufferedImage out = new BufferedImage(left + grid.getWidth(), top + grid.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(grid, left, top, null);
            g.setColor(Color.BLACK);
            g.setFont(LABEL_FONT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            FontMetrics metrics = g.getFontMetrics();
            int gutter = GUTTER * scale;
            int cellHeight = (shape.dims().get(1) + GUTTER) * scale;
            int cellWidth = (shape.dims().get(2) + GUTTER) * scale;
            int baseline = (metrics.getAscent() - metrics.getDescent()) / 2;
            for (int r = 0; r < rowLabels.size(); r++) {
                int middle = top + gutter + r * cellHeight + (cellHeight - gutter) / 2;
                String[] lines = rowLabels.get(r).split("\n");
                for (int line = 0; line < lines.length; line++) {
                    int shift = (2 * line - (lines.length - 1)) * metrics.getHeight() / 2;
                    g.drawString(lines[line], 4, middle + baseline + shift);
                }
            }
            for (int c = 0; c < columnLabels.size(); c++) {
                int centre = left + gutter + c * cellWidth + (cellWidth - gutter) / 2;
                g.drawString(columnLabels.get(c), centre - metrics.stringWidth(columnLabels.get(c)) / 2,
                        HEADER_HEIGHT / 2 + baseline);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The width in pixels of the longest line of {@code labels} in the label font. */
    private static int widestLine(List<String> labels) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics metrics = g.getFontMetrics(LABEL_FONT);
            return labels.stream().flatMap(label -> Arrays.stream(label.split("\n")))
                    .mapToInt(metrics::stringWidth).max().orElse(0);
        } finally {
            g.dispose();
        }
    }

    /** {@code image} enlarged {@code factor} times with nearest-neighbour sampling, so pixels stay sharp. */
    static BufferedImage enlarged(BufferedImage image, int factor) {
        BufferedImage out = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int level(float value) {
        return Math.round(Math.max(0f, Math.min(1f, value)) * 255f);
    }
}
