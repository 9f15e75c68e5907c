package org.vaelab.plugins.data.sprites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link SpriteRenderer} draws each shape with the area, centre and orientation its factors say,
 * measured on the pixels: areas against the shapes' formulas, centres of mass against the
 * positions, and the principal axis of the ellipse's pixels against the orientation.
 */
class SpriteRendererTest {

    private static final double CENTRE = 0.5;

    @Test
    void areasAreTheShapesAreasTimesTheSquaredSize() {
        for (double scale : new double[] {0.5, 1.0}) {
            double size = scale * SpriteRenderer.HALF_SIZE;
            Moments square = Moments.of(SpriteShape.SQUARE, scale, 0, CENTRE, CENTRE);
            Moments ellipse = Moments.of(SpriteShape.ELLIPSE, scale, 0, CENTRE, CENTRE);
            assertEquals(4 * size * size, square.area(), Moments.areaTolerance(SpriteShape.SQUARE, size),
                    "square at scale " + scale);
            assertEquals(Math.PI / 2 * size * size, ellipse.area(), Moments.areaTolerance(SpriteShape.ELLIPSE, size),
                    "ellipse at scale " + scale);
        }
        double heart = Moments.of(SpriteShape.HEART, 1, 0, CENTRE, CENTRE).area();
        double heartByIntegration = areaOf(SpriteShape.HEART) * SpriteRenderer.HALF_SIZE * SpriteRenderer.HALF_SIZE;
        assertEquals(heartByIntegration, heart, 0.03 * heartByIntegration);
    }

    @Test
    void areaGrowsWithTheSquareOfTheScale() {
        for (SpriteShape shape : SpriteShape.values()) {
            for (double orientation : new double[] {0, 1.0, 2.5}) {
                double largest = Moments.of(shape, 1, orientation, CENTRE, CENTRE).area();
                for (int i = 0; i < SpriteGrid.SCALES - 1; i++) {
                    double scale = 0.5 + 0.1 * i;
                    double area = Moments.of(shape, scale, orientation, CENTRE, CENTRE).area();
                    assertEquals(largest, area / (scale * scale), 0.1 * largest,
                            shape + " at scale " + scale + ", orientation " + orientation);
                }
            }
        }
    }

    @Test
    void symmetricShapesAreCentredAtTheirPosition() {
        for (SpriteShape shape : new SpriteShape[] {SpriteShape.SQUARE, SpriteShape.ELLIPSE}) {
            for (int i = 0; i < SpriteGrid.POSITIONS; i += 3) {
                for (int j = 0; j < SpriteGrid.POSITIONS; j += 5) {
                    double x = i / (SpriteGrid.POSITIONS - 1.0);
                    double y = j / (SpriteGrid.POSITIONS - 1.0);
                    Moments moments = Moments.of(shape, 0.5, 0.7, x, y);
                    assertEquals(SpriteRenderer.centre(x), moments.centreX(), 0.3, shape + " x at " + x + ", " + y);
                    assertEquals(SpriteRenderer.centre(y), moments.centreY(), 0.3, shape + " y at " + x + ", " + y);
                }
            }
        }
    }

    @Test
    void theHeartMovesWithItsPosition() {
        Moments origin = Moments.of(SpriteShape.HEART, 1, 0.3, 0, 0);
        for (int i = 1; i < SpriteGrid.POSITIONS; i += 6) {
            double position = i / (SpriteGrid.POSITIONS - 1.0);
            Moments moved = Moments.of(SpriteShape.HEART, 1, 0.3, position, 1 - position);
            assertEquals(SpriteRenderer.centre(position) - SpriteRenderer.centre(0),
                    moved.centreX() - origin.centreX(), 0.3);
            assertEquals(SpriteRenderer.centre(1 - position) - SpriteRenderer.centre(0),
                    moved.centreY() - origin.centreY(), 0.3);
        }
    }

    @Test
    void theEllipsesLongAxisPointsAlongTheOrientation() {
        for (int i = 0; i < SpriteGrid.ORIENTATIONS; i++) {
            double orientation = 2 * Math.PI * i / (SpriteGrid.ORIENTATIONS - 1);
            double axis = Moments.of(SpriteShape.ELLIPSE, 1, orientation, CENTRE, CENTRE).principalAxis();
            double difference = Math.IEEEremainder(axis - orientation, Math.PI);
            assertEquals(0, difference, 0.07, "orientation " + orientation + ", principal axis " + axis);
        }
    }

    @Test
    void theSameFactorsDrawTheSamePixels() {
        long[] first = new long[SpriteRenderer.SIDE];
        long[] second = new long[SpriteRenderer.SIDE];
        SpriteRenderer.draw(SpriteShape.HEART, 0.8, 1.3, 0.2, 0.9, first, 0);
        SpriteRenderer.draw(SpriteShape.HEART, 0.8, 1.3, 0.2, 0.9, second, 0);
        assertEquals(Arrays.toString(first), Arrays.toString(second));
    }

    /** The area of {@code shape} in its own frame, by the midpoint rule on a fine grid. */
    private static double areaOf(SpriteShape shape) {
        int steps = 2000;
        double step = 4.0 / steps;
        int inside = 0;
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
                inside += shape.contains(-2 + (i + 0.5) * step, -2 + (j + 0.5) * step) ? 1 : 0;
            }
        }
        return inside * step * step;
    }
}
