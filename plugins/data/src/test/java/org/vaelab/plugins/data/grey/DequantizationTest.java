package org.vaelab.plugins.data.grey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.SplitValues.features;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.ValueRange;

/**
 * Uniform dequantization of 8-bit grey levels: grey level {@code b} (kept as {@code b / 255}) becomes
 * {@code x + u / 256} with {@code x = b / 256}, so every value lies in {@code [x, x + 1/256)} and
 * its mean is {@code x + 1/512}.
 */
class DequantizationTest {

    private static final int LEVELS = 256;

    /** Every grey level, {@code copies} times, as a dataset keeps them: {@code b / 255}. */
    private static float[] everyLevel(int copies) {
        float[] values = new float[LEVELS * copies];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % LEVELS) / 255f;
        }
        return values;
    }

    @Test
    void trainingBatchesStayInTheirLevelsCellWithTheMeanOfItsMiddle() {
        int copies = 4000;
        float[] batch = everyLevel(copies);
        BatchTransform transform = Dequantization.UNIFORM.trainTransform();
        transform.apply(batch, copies, LEVELS, new SplittableRandom(1));
        double[] sums = new double[LEVELS];
        for (int i = 0; i < batch.length; i++) {
            int level = i % LEVELS;
            float x = level / 256f;
            assertTrue(batch[i] >= x && batch[i] < x + 1 / 256f, "level " + level + ": " + batch[i]);
            sums[level] += batch[i];
        }
        for (int level = 0; level < LEVELS; level++) {
            double mean = sums[level] / copies;
            // u/256 has standard deviation 1/(256 sqrt 12); its mean over 4,000 draws is within 4 standard errors
            double tolerance = 4 / (256 * Math.sqrt(12) * Math.sqrt(copies));
            assertEquals(level / 256.0 + 1 / 512.0, mean, tolerance, "level " + level);
        }
    }

    @Test
    void everyBatchDrawsAfreshFromTheGeneratorItIsGiven() {
        float[] first = everyLevel(1);
        float[] second = everyLevel(1);
        float[] again = everyLevel(1);
        BatchTransform transform = Dequantization.UNIFORM.trainTransform();
        SplittableRandom random = new SplittableRandom(5);
        transform.apply(first, 1, LEVELS, random);
        transform.apply(second, 1, LEVELS, random);
        transform.apply(again, 1, LEVELS, new SplittableRandom(5));
        assertFalse(Arrays.equals(first, second), "a fresh u for every batch");
        assertTrue(Arrays.equals(first, again), "the same stream, the same values");
    }

    @Test
    void theTopOfACellIsNeverReachedEvenWhereFloatsRoundUp() {
        float justBelowOne = Math.nextDown(1f);
        for (int level = 0; level < LEVELS; level++) {
            float value = Dequantization.dequantize(level / 255f, justBelowOne);
            assertTrue(value < (level + 1) / 256f, "level " + level);
            assertTrue(value >= level / 256f);
            assertEquals(level / 256f, Dequantization.dequantize(level / 255f, 0), 0);
        }
        assertTrue(Dequantization.dequantize(1f, 1 - 1e-12) < 1f, "every value in [0, 1)");
    }

    @Test
    void aSplitIsDequantizedOnceKeepingItsLabels() {
        DataSplit grey = DataSplit.ofBytes(new byte[] {0, 127, (byte) 255, 64, 1, 2}, new int[] {3, 1}, 3);
        DataSplit once = Dequantization.UNIFORM.once(grey, new SplittableRandom(3));
        assertEquals(List.of(3, 1), List.of(once.label(0).orElseThrow(), once.label(1).orElseThrow()));
        float[] values = features(once);
        int[] levels = {0, 127, 255, 64, 1, 2};
        for (int i = 0; i < levels.length; i++) {
            assertTrue(values[i] >= levels[i] / 256f && values[i] < (levels[i] + 1) / 256f);
        }
        assertSame(grey, Dequantization.NONE.once(grey, new SplittableRandom(3)));
        assertSame(BatchTransform.IDENTITY, Dequantization.NONE.trainTransform());
    }

    @Test
    void theShapeSaysTheDataWasDequantizedFromTwoHundredFiftySixLevels() {
        DataShape grey = DataShape.image(1, 28, 28, ValueRange.UNIT_INTERVAL, 10);
        DataShape dequantized = Dequantization.UNIFORM.shape(grey);
        assertEquals(256, dequantized.levels());
        assertEquals(ValueRange.UNIT_INTERVAL, dequantized.range());
        assertSame(grey, Dequantization.NONE.shape(grey));
        // -ELBO of 784 * ln 2 nats on 784 values is 1 bit per value, plus the 8 bits of the 1/256 scaling
        assertEquals(9.0, dequantized.bitsPerDimension(-784 * Math.log(2)).getAsDouble(), 1e-12);
        assertTrue(grey.bitsPerDimension(-100).isEmpty());
    }
}
