package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.Factor;
import org.vaelab.spi.data.FactorTable;
import org.vaelab.spi.data.ValueRange;

/**
 * The traversal rows' factor labels on a constructed case whose answer is known: an encoder whose
 * code dimension 0 is factor {@code b}, dimension 2 is factor {@code a}, and dimension 1 is noise.
 * A dimension that is a factor holds all of its entropy (share 1); noise holds almost none.
 */
class TraversalFactorLabelsTest {

    private static final int SIDE = 3;
    private static final DataShape SHAPE = DataShape.image(1, SIDE, SIDE, ValueRange.UNIT_INTERVAL, 0);
    private static final int A_VALUES = 4;
    private static final int B_VALUES = 5;
    private static final int REPEATS = 20;

    @TempDir
    Path folder;

    /** Every combination of a and b, {@link #REPEATS} times: pixel 0 holds a, pixel 1 b, pixel 2 noise. */
    private static DataSplit examples() {
        int count = A_VALUES * B_VALUES * REPEATS;
        float[] values = new float[count * SIDE * SIDE];
        int[] indices = new int[count * 2];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < count; i++) {
            int a = i % A_VALUES;
            int b = (i / A_VALUES) % B_VALUES;
            values[i * SIDE * SIDE] = a / (A_VALUES - 1f);
            values[i * SIDE * SIDE + 1] = b / (B_VALUES - 1f);
            values[i * SIDE * SIDE + 2] = (float) random.nextDouble();
            indices[2 * i] = a;
            indices[2 * i + 1] = b;
        }
        List<Factor> factors = List.of(new Factor("a", new double[] {0, 1, 2, 3}),
                new Factor("b", new double[] {0, 1, 2, 3, 4}));
        return new DataSplit(values, null, SIDE * SIDE).withFactors(new FactorTable(factors, indices));
    }

    /** Codes (pixel 1, pixel 2, pixel 0); the decoder draws each code's first value as a flat image. */
    private static final LatentModel READS_PIXELS = new LatentModel() {
        @Override
        public int latentDim() {
            return 3;
        }

        @Override
        public int conditioningClasses() {
            return 0;
        }

        @Override
        public float[] posteriorMeans(float[] inputs, int[] labels, int count) {
            float[] codes = new float[count * 3];
            for (int i = 0; i < count; i++) {
                codes[3 * i] = inputs[i * SIDE * SIDE + 1];
                codes[3 * i + 1] = inputs[i * SIDE * SIDE + 2];
                codes[3 * i + 2] = inputs[i * SIDE * SIDE];
            }
            return codes;
        }

        @Override
        public float[] decoderMeans(float[] codes, int[] labels, int count) {
            float[] images = new float[count * SIDE * SIDE];
            for (int i = 0; i < images.length; i++) {
                images[i] = Math.max(0, Math.min(1, codes[(i / (SIDE * SIDE)) * 3]));
            }
            return images;
        }
    };

    private FigureInputs inputs() {
        return new FigureInputs(READS_PIXELS, SHAPE, examples(), new double[] {2, 1, 3}, new SplittableRandom(1),
                folder.resolve("metrics.csv"));
    }

    @Test
    void aDimensionThatIsAFactorHoldsAllOfItsEntropyAndNoiseAlmostNone() {
        LatentTraversals.FactorLabels labels = LatentTraversals.FactorLabels.of(inputs(),
                examples().factors().orElseThrow());
        assertEquals("b 1.00", labels.of(0));
        assertEquals("a 1.00", labels.of(2));
        double noise = Math.max(labels.information()[1][0], labels.information()[1][1]);
        assertTrue(noise < 0.1, "noise holds " + noise + " of a factor's entropy");
    }

    @Test
    void theMarginWidensOnlyForALongerLine() throws Exception {
        BufferedImage figure = FigureFiles.image(LatentTraversals.figure(inputs()), folder);
        int grid = LatentTraversals.STEPS * (SIDE + ImageGrid.GUTTER) + ImageGrid.GUTTER;
        assertEquals(ImageGrid.LABEL_WIDTH + grid, figure.getWidth(), "'z2  KL 3.00' over 'a 1.00' fits the margin");
        BufferedImage cells = ImageGrid.render(new float[SIDE * SIDE], 1, SHAPE, 1);
        int wide = ImageGrid.labelled(cells, SHAPE, List.of("z0\nsome_factor_with_a_long_name 0.25"), List.of())
                .getWidth();
        assertTrue(wide > ImageGrid.LABEL_WIDTH + cells.getWidth(), "a long line widens the margin: " + wide);
    }
}
