package org.vaelab.plugins.data.swissroll;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Points on the Swiss roll of Tenenbaum, de Silva and Langford 2000, "A Global Geometric Framework
 * for Nonlinear Dimensionality Reduction" (Science 290), drawn as scikit-learn's
 * {@code make_swiss_roll} draws them (after Marsland 2009, "Machine Learning: An Algorithmic
 * Perspective", chapter 10): the roll parameter
 * {@code t = 1.5 pi (1 + 2u)} and the height {@code h = 21v} with {@code u, v ~ U(0, 1)} give
 * {@code (t cos t, h, t sin t)}, plus independent Gaussian noise on each coordinate.
 *
 * @param points {@code 3 * count} coordinates, row-major: x, y, z of each point
 * @param roll the roll parameter {@code t} of each point, in [1.5 pi, 4.5 pi]: the distance from
 *     the axis before noise, and the natural colour for plots of the latent space
 */
public record SwissRoll(double[] points, double[] roll) {

    /** The names of the three coordinates. */
    public static final List<String> COORDINATES = List.of("x", "y", "z");

    /** Draws {@code count} points with noise of standard deviation {@code noise}. */
    public static SwissRoll generate(int count, double noise, RandomGenerator random) {
        double[] points = new double[3 * count];
        double[] roll = new double[count];
        for (int i = 0; i < count; i++) {
            double t = 1.5 * Math.PI * (1 + 2 * random.nextDouble());
            double height = 21 * random.nextDouble();
            roll[i] = t;
            points[3 * i] = t * Math.cos(t) + noise * random.nextGaussian();
            points[3 * i + 1] = height + noise * random.nextGaussian();
            points[3 * i + 2] = t * Math.sin(t) + noise * random.nextGaussian();
        }
        return new SwissRoll(points, roll);
    }
}
