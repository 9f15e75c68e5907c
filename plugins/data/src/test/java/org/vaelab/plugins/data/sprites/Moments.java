package org.vaelab.plugins.data.sprites;

/**
 * The area, centre of mass and second moments of the set pixels of one 64x64 bit image, pixel
 * {@code (row, column)} counted at its centre {@code (column + 0.5, row + 0.5)}.
 */
record Moments(double area, double centreX, double centreY, double xx, double yy, double xy) {

    /** The moments of the image {@code rows[offset .. offset + 63]}. */
    static Moments of(long[] rows, int offset) {
        double count = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXx = 0;
        double sumYy = 0;
        double sumXy = 0;
        for (int row = 0; row < SpriteRenderer.SIDE; row++) {
            for (int column = 0; column < SpriteRenderer.SIDE; column++) {
                if ((rows[offset + row] >>> column & 1) != 0) {
                    double x = column + 0.5;
                    double y = row + 0.5;
                    count++;
                    sumX += x;
                    sumY += y;
                    sumXx += x * x;
                    sumYy += y * y;
                    sumXy += x * y;
                }
            }
        }
        double centreX = sumX / count;
        double centreY = sumY / count;
        return new Moments(count, centreX, centreY, sumXx / count - centreX * centreX,
                sumYy / count - centreY * centreY, sumXy / count - centreX * centreY);
    }

    /** The moments of one freshly drawn sprite. */
    static Moments of(SpriteShape shape, double scale, double orientation, double x, double y) {
        long[] rows = new long[SpriteRenderer.SIDE];
        SpriteRenderer.draw(shape, scale, orientation, x, y, rows, 0);
        return of(rows, 0);
    }

    /**
     * How far a drawn area may be from the shape's exact area: the pixels its outline cuts are
     * half-covered on average, so a quarter of the perimeter (in pixels) bounds the difference at
     * these sizes. The square's perimeter is {@code 8 size}; the ellipse's, with semi-axes
     * {@code size} and {@code size / 2}, Ramanujan's approximation
     * {@code pi (3(a + b) - sqrt((3a + b)(a + 3b)))}.
     */
    static double areaTolerance(SpriteShape shape, double size) {
        double perimeter = shape == SpriteShape.SQUARE ? 8 * size : Math.PI * (4.5 - Math.sqrt(8.75)) * size;
        return perimeter / 4;
    }

    /** The angle of the pixels' principal axis from the x axis towards the y axis, in (-pi/2, pi/2]. */
    double principalAxis() {
        return 0.5 * Math.atan2(2 * xy, xx - yy);
    }
}
