package org.vaelab.plugins.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.SplitValues.features;
import static org.vaelab.plugins.data.SplitValues.labels;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.ValueRange;

/** Splitting rows by {@link SplitSizes} and scaling them with statistics of the training rows. */
class ScaledSplitsTest {

    private static final List<String> COLUMNS = List.of("a", "b", "constant");
    /** Four training rows, then one validation and one test row. */
    private static final double[] ROWS = {
        1, 10, 7,
        2, 20, 7,
        3, 30, 7,
        6, 40, 7,
        9, 50, 7,
        -3, 0, 8,
    };
    private static final SplitSizes SIZES = new SplitSizes(4, 1, 1);

    @Test
    void standardisingUsesTheTrainingRowsOnly() {
        ScaledSplits scaled = ScaledSplits.of(COLUMNS, ROWS, null, 0, SIZES, Scaling.STANDARDIZE);
        ColumnScaling scaling = scaled.scaling();
        assertEquals(COLUMNS, scaling.columns());
        assertEquals(List.of(3.0, 25.0, 7.0), scaling.offsets());
        assertEquals(Math.sqrt(3.5), scaling.scales().get(0), 1e-12);
        assertEquals(Math.sqrt(125), scaling.scales().get(1), 1e-12);
        assertEquals(1.0, scaling.scales().get(2), "a constant column is only centred");

        float[] train = features(scaled.splits().train());
        assertEquals((float) (-2 / Math.sqrt(3.5)), train[0]);
        assertEquals(0f, train[2]);
        assertArrayEquals(new float[] {(float) (6 / Math.sqrt(3.5)), (float) (25 / Math.sqrt(125)), 0f},
                features(scaled.splits().validation()));
        assertArrayEquals(new float[] {(float) (-6 / Math.sqrt(3.5)), (float) (-25 / Math.sqrt(125)), 1f},
                features(scaled.splits().test()));
        assertEquals(ValueRange.REAL, scaled.splits().shape().range());
    }

    /**
     * Standardising by a training column of tiny spread can take a held-out value beyond float32,
     * which the fuzzer's reading of the CSV path showed: refused, naming the column and the value,
     * rather than handed to the model as infinity.
     */
    @Test
    void aHeldOutValueScaledBeyondFloat32IsRefused() {
        double[] rows = {1e-30, 2e-30, 3e-30, 4e-30, 1e9, 0};
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ScaledSplits.of(List.of("tiny"), rows, null, 0, SIZES, Scaling.STANDARDIZE));
        assertTrue(refused.getMessage().startsWith("column 'tiny': the value 1.0E9 scales to "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("beyond 32-bit floating point (+-3.4028235E38), in which the model "
                + "trains; use scaling: minmax, or check the column"), refused.getMessage());
        float[] clipped = features(ScaledSplits.of(List.of("tiny"), rows, null, 0, SIZES, Scaling.MINMAX).splits()
                .validation());
        assertEquals(1f, clipped[0], "minmax clips the same value");
    }

    @Test
    void labelsFollowTheirRows() {
        ScaledSplits scaled = ScaledSplits.of(COLUMNS, ROWS, new int[] {0, 1, 0, 1, 2, 0}, 3, SIZES, Scaling.NONE);
        assertArrayEquals(new int[] {0, 1, 0, 1}, labels(scaled.splits().train()));
        assertArrayEquals(new int[] {2}, labels(scaled.splits().validation()));
        assertArrayEquals(new int[] {0}, labels(scaled.splits().test()));
        assertEquals(List.of(3), scaled.splits().shape().dims());
        assertEquals(3, scaled.splits().shape().classes());
    }

    @Test
    void minMaxMapsTheTrainingRangeToTheUnitIntervalAndClipsTheRest() {
        ScaledSplits scaled = ScaledSplits.of(COLUMNS, ROWS, null, 0, SIZES, Scaling.MINMAX);
        assertEquals(List.of(1.0, 10.0, 7.0), scaled.scaling().offsets());
        assertEquals(List.of(5.0, 30.0, 1.0), scaled.scaling().scales());
        assertArrayEquals(new float[] {0, 0, 0, 0.2f, 1 / 3f, 0, 0.4f, 2 / 3f, 0, 1, 1, 0},
                features(scaled.splits().train()), 1e-6f);
        assertArrayEquals(new float[] {1, 1, 0}, features(scaled.splits().validation()), "clipped above");
        assertArrayEquals(new float[] {0, 0, 1}, features(scaled.splits().test()), "clipped below and above");
        assertEquals(ValueRange.UNIT_INTERVAL, scaled.splits().shape().range());
        assertFalse(scaled.splits().train().hasLabels());
    }

    @Test
    void noScalingKeepsTheValues() {
        ScaledSplits scaled = ScaledSplits.of(COLUMNS, ROWS, null, 0, SIZES, Scaling.NONE);
        assertEquals(List.of(0.0, 0.0, 0.0), scaled.scaling().offsets());
        assertEquals(List.of(1.0, 1.0, 1.0), scaled.scaling().scales());
        assertArrayEquals(new float[] {-3, 0, 8}, features(scaled.splits().test()));
    }

    @Test
    void aNearlyConstantColumnIsNotBlownUp() {
        double[] tenths = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
        ScaledSplits scaled = ScaledSplits.of(List.of("x"), tenths, null, 0, new SplitSizes(7, 0, 0),
                Scaling.STANDARDIZE);
        assertArrayEquals(new float[7], features(scaled.splits().train()));
    }

    @Test
    void valuesMustFillTheRows() {
        assertThrows(IllegalArgumentException.class,
                () -> ScaledSplits.of(COLUMNS, new double[5], null, 0, SIZES, Scaling.NONE));
    }
}
