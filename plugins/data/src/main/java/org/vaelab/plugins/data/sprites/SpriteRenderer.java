package org.vaelab.plugins.data.sprites;

/**
 * Draws one sprite into a 64x64 binary image kept as bits, one 64-bit word per image row (bit
 * {@code c} of word {@code r} is the pixel of row {@code r}, column {@code c}): the layout of
 * {@link org.vaelab.spi.data.DataSplit#ofBits} for images of 4,096 values.
 *
 * <p>A pixel is set when its centre lies inside the shape. The sprite's frame is centred at
 * {@code MARGIN + position * (64 - 2 MARGIN)} pixels along each axis, so positions 0 to 1 span
 * the image less a margin that keeps every rotated sprite whole; it is scaled by
 * {@code scale * HALF_SIZE} pixels and turned by the orientation from the x axis towards the y
 * axis (clockwise as displayed, rows growing downward), so the frame's {@code u} axis points at
 * that angle.
 */
final class SpriteRenderer {

    /** The side of the image in pixels. */
    static final int SIDE = 64;
    /** Pixels from the image's edge to the centre of a sprite at position 0. */
    static final double MARGIN = 16;
    /** Half the side of the square at scale 1, in pixels. */
    static final double HALF_SIZE = 10;

    private SpriteRenderer() {
    }

    /** Where in pixels a sprite at position {@code position} (0 to 1) is centred along its axis. */
    static double centre(double position) {
        return MARGIN + position * (SIDE - 2 * MARGIN);
    }

    /**
     * Sets the pixels of the sprite in {@code rows[offset .. offset + 63]} (which must be clear).
     *
     * @param x the position along the columns, 0 to 1
     * @param y the position along the rows, 0 to 1
     */
    static void draw(SpriteShape shape, double scale, double orientation, double x, double y, long[] rows,
            int offset) {
        double centreX = centre(x);
        double centreY = centre(y);
        double size = scale * HALF_SIZE;
        double cos = Math.cos(orientation) / size;
        double sin = Math.sin(orientation) / size;
        // every shape lies within radius sqrt(2) of its frame's origin
        double reach = Math.sqrt(2) * size + 1;
        int firstRow = Math.max(0, (int) Math.floor(centreY - reach));
        int lastRow = Math.min(SIDE - 1, (int) Math.ceil(centreY + reach));
        int firstColumn = Math.max(0, (int) Math.floor(centreX - reach));
        int lastColumn = Math.min(SIDE - 1, (int) Math.ceil(centreX + reach));
        for (int row = firstRow; row <= lastRow; row++) {
            double dy = row + 0.5 - centreY;
            long bits = 0;
            for (int column = firstColumn; column <= lastColumn; column++) {
                double dx = column + 0.5 - centreX;
                if (shape.contains(dx * cos + dy * sin, dy * cos - dx * sin)) {
                    bits |= 1L << column;
                }
            }
            rows[offset + row] = bits;
        }
    }
}
