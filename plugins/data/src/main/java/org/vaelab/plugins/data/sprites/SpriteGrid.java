package org.vaelab.plugins.data.sprites;

import java.util.List;
import java.util.stream.IntStream;
import org.vaelab.spi.data.Factor;

/**
 * The factor grid of dSprites (Matthey et al. 2017), possibly thinned: the kept shapes, every
 * {@code scaleStride}-th of the 6 scales {@code linspace(0.5, 1, 6)}, every
 * {@code orientationStride}-th of the 40 orientations {@code linspace(0, 2 pi, 40)} (radians, both
 * ends included as in dSprites' {@code latents_values}) and every {@code positionStride}-th of the
 * 32 positions {@code linspace(0, 1, 32)} along x and along y. Combinations are numbered in
 * dSprites' order: shape slowest, then scale, orientation, x, and y fastest.
 *
 * @param factors shape, scale, orientation, pos_x and pos_y, each with its kept values
 * @param shapes the kept shapes, in the order of the shape factor's indices
 */
public record SpriteGrid(List<Factor> factors, List<SpriteShape> shapes) {

    /** The position of each factor in an example's factor indices. */
    static final int SHAPE = 0;
    static final int SCALE = 1;
    static final int ORIENTATION = 2;
    static final int POS_X = 3;
    static final int POS_Y = 4;

    /** The number of scales of the full grid. */
    public static final int SCALES = 6;
    /** The number of orientations of the full grid. */
    public static final int ORIENTATIONS = 40;
    /** The number of positions along x and along y of the full grid. */
    public static final int POSITIONS = 32;

    /** The grid of {@code config}'s kept factor values. */
    public static SpriteGrid of(SpritesConfig config) {
        return of(config.shapes(), config.scaleStride(), config.orientationStride(), config.positionStride());
    }

    /** The grid of the kept shapes and every {@code stride}-th value of the other factors. */
    static SpriteGrid of(List<SpriteShape> shapes, int scaleStride, int orientationStride, int positionStride) {
        double[] shapeValues = shapes.stream().mapToDouble(SpriteShape::dspritesValue).toArray();
        double[] positions = every(linspace(0, 1, POSITIONS), positionStride);
        return new SpriteGrid(List.of(new Factor("shape", shapeValues),
                new Factor("scale", every(linspace(0.5, 1, SCALES), scaleStride)),
                new Factor("orientation", every(linspace(0, 2 * Math.PI, ORIENTATIONS), orientationStride)),
                new Factor("pos_x", positions), new Factor("pos_y", positions.clone())), List.copyOf(shapes));
    }

    /** The number of combinations. */
    public int size() {
        return factors.stream().mapToInt(Factor::size).reduce(1, Math::multiplyExact);
    }

    /** The value of factor {@code factor} at index {@code index}. */
    double value(int factor, int index) {
        return factors.get(factor).values()[index];
    }

    /** Writes the factor indices of combination {@code combination} to {@code target} at {@code offset}. */
    public void indices(int combination, int[] target, int offset) {
        int rest = combination;
        for (int k = factors.size() - 1; k >= 0; k--) {
            int count = factors.get(k).size();
            target[offset + k] = rest % count;
            rest /= count;
        }
    }

    private static double[] linspace(double from, double to, int count) {
        return IntStream.range(0, count).mapToDouble(i -> from + (to - from) * i / (count - 1)).toArray();
    }

    private static double[] every(double[] values, int stride) {
        return IntStream.range(0, values.length).filter(i -> i % stride == 0).mapToDouble(i -> values[i]).toArray();
    }
}
