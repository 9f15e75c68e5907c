package org.vaelab.plugins.data.sprites;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Factor;
import org.vaelab.spi.data.FactorTable;
import org.vaelab.spi.data.LoadContext;

/**
 * {@link SpritesDataset} on a thinned grid: every combination appears once, and each image is the
 * one its factors describe (area, centre of mass, label).
 */
class SpritesDatasetTest {

    private static final SplitSize TENTH = SplitSize.parse("0.1");

    /**
     * An unrotated edge moves by whole pixels, so a centre of mass can be off by half a pixel; the
     * positions are 1.03 pixels apart, so a neighbouring position is still told apart.
     */
    private static final double CENTRE_TOLERANCE = 0.5;

    private static final List<SpriteShape> ALL = List.of(SpriteShape.SQUARE, SpriteShape.ELLIPSE, SpriteShape.HEART);

    /** 3 shapes x 2 scales x 5 orientations x 4 x 4 positions = 480 images. */
    private static SpritesConfig thinned(int n) {
        return new SpritesConfig(n, ALL, 5, 8, 8, TENTH, TENTH);
    }

    private static DataSplits load(SpritesConfig config, long seed) {
        return new SpritesDataset(config).load(new LoadContext(Path.of("."), seed));
    }

    @Test
    void theFactorsAreDspritesGridThinnedByTheStrides() {
        List<Factor> factors = SpriteGrid.of(thinned(0)).factors();
        assertEquals(List.of("shape", "scale", "orientation", "pos_x", "pos_y"),
                factors.stream().map(Factor::name).toList());
        assertArrayEquals(new double[] {1, 2, 3}, factors.get(0).values());
        assertArrayEquals(new double[] {0.5, 1.0}, factors.get(1).values(), 1e-12);
        assertArrayEquals(new double[] {0, 8 * 2 * Math.PI / 39, 16 * 2 * Math.PI / 39, 24 * 2 * Math.PI / 39,
            32 * 2 * Math.PI / 39}, factors.get(2).values(), 1e-12);
        assertArrayEquals(new double[] {0, 8 / 31.0, 16 / 31.0, 24 / 31.0}, factors.get(3).values(), 1e-12);
        assertEquals(737_280, SpriteGrid.of(new SpritesConfig(0, ALL, 1, 1, 1, TENTH, TENTH)).size());
    }

    @Test
    void everyCombinationIsTheImageItsFactorsDescribe() {
        DataSplits splits = load(thinned(0), 7);
        Set<List<Integer>> seen = new HashSet<>();
        for (DataSplit split : List.of(splits.train(), splits.validation(), splits.test())) {
            FactorTable factors = split.factors().orElseThrow();
            for (int i = 0; i < split.size(); i++) {
                assertTrue(seen.add(List.of(factors.index(i, 0), factors.index(i, 1), factors.index(i, 2),
                        factors.index(i, 3), factors.index(i, 4))), "combination of example " + i + " seen once");
                assertEquals(factors.index(i, 0), split.label(i).orElseThrow());
                checkImage(split, factors, i);
            }
        }
        assertEquals(480, seen.size());
    }

    private static void checkImage(DataSplit split, FactorTable factors, int i) {
        Moments moments = Moments.of(bits(split, i), 0);
        SpriteShape shape = ALL.get(factors.index(i, 0));
        double size = factors.value(i, 1) * SpriteRenderer.HALF_SIZE;
        if (shape == SpriteShape.HEART) {
            assertTrue(moments.area() > Math.PI / 2 * size * size && moments.area() < 4 * size * size,
                    "a heart is larger than the ellipse and smaller than the square: " + moments.area());
            return;
        }
        double area = (shape == SpriteShape.SQUARE ? 4 : Math.PI / 2) * size * size;
        assertEquals(area, moments.area(), Moments.areaTolerance(shape, size), shape + " of size " + size);
        assertEquals(SpriteRenderer.centre(factors.value(i, 3)), moments.centreX(), CENTRE_TOLERANCE);
        assertEquals(SpriteRenderer.centre(factors.value(i, 4)), moments.centreY(), CENTRE_TOLERANCE);
    }

    private static long[] bits(DataSplit split, int index) {
        float[] values = new float[split.width()];
        split.copyRow(index, values, 0);
        long[] rows = new long[SpriteRenderer.SIDE];
        for (int p = 0; p < values.length; p++) {
            if (values[p] == 1f) {
                rows[p / SpriteRenderer.SIDE] |= 1L << (p % SpriteRenderer.SIDE);
            }
        }
        return rows;
    }

    @Test
    void aSubsetIsDrawnFromTheSeedWithoutReplacement() {
        DataSplits first = load(thinned(100), 3);
        DataSplits again = load(thinned(100), 3);
        DataSplits other = load(thinned(100), 4);
        assertEquals(80, first.train().size());
        assertEquals(10, first.test().size());
        Set<List<Integer>> rows = new HashSet<>();
        FactorTable train = first.train().factors().orElseThrow();
        for (int i = 0; i < train.size(); i++) {
            rows.add(List.of(train.index(i, 0), train.index(i, 1), train.index(i, 2), train.index(i, 3),
                    train.index(i, 4)));
            assertArrayEquals(bits(first.train(), i), bits(again.train(), i));
        }
        assertEquals(80, rows.size());
        assertNotEquals(rowOf(train, 0), rowOf(other.train().factors().orElseThrow(), 0));
    }

    private static List<Integer> rowOf(FactorTable table, int i) {
        return List.of(table.index(i, 0), table.index(i, 1), table.index(i, 2), table.index(i, 3), table.index(i, 4));
    }

    @Test
    void aSubsetLargerThanTheGridIsRefused() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> thinned(481));
        assertEquals("n", e.key());
        assertTrue(e.getMessage().contains("at most the 480 combinations"), e.getMessage());
        InvalidConfigException twice = assertThrows(InvalidConfigException.class,
                () -> new SpritesConfig(0, List.of(SpriteShape.HEART, SpriteShape.HEART), 1, 1, 1, TENTH, TENTH));
        assertEquals("shapes", twice.key());
    }
}
