package org.vaelab.spi.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Splits kept as bytes (in one array or one per row) or bits read back exactly the floats a float
 * split of the same values holds.
 */
class DataSplitStorageTest {

    private static final int WIDTH = 70;
    private static final int ROWS = 9;

    @Test
    void bytesReadAsLevelsOver255() {
        byte[] levels = new byte[ROWS * WIDTH];
        new Random(1).nextBytes(levels);
        float[] floats = new float[levels.length];
        for (int i = 0; i < levels.length; i++) {
            floats[i] = (levels[i] & 0xFF) / 255f;
        }
        assertSame(new DataSplit(floats, labels(), WIDTH), DataSplit.ofBytes(levels, labels(), WIDTH));
    }

    @Test
    void byteRowsReadAsLevelsOver255() {
        byte[][] rows = new byte[ROWS][WIDTH];
        Random random = new Random(3);
        float[] floats = new float[ROWS * WIDTH];
        for (int row = 0; row < ROWS; row++) {
            random.nextBytes(rows[row]);
            for (int i = 0; i < WIDTH; i++) {
                floats[row * WIDTH + i] = (rows[row][i] & 0xFF) / 255f;
            }
        }
        assertSame(new DataSplit(floats, labels(), WIDTH), DataSplit.ofByteRows(rows, labels(), WIDTH));
    }

    @Test
    void bitsReadAsZeroAndOne() {
        Random random = new Random(2);
        float[] floats = new float[ROWS * WIDTH];
        long[] words = new long[(floats.length + 63) / 64];
        for (int i = 0; i < floats.length; i++) {
            if (random.nextBoolean()) {
                floats[i] = 1;
                words[i / 64] |= 1L << (i % 64);
            }
        }
        assertSame(new DataSplit(floats, labels(), WIDTH), DataSplit.ofBits(words, floats.length, labels(), WIDTH));
    }

    private static int[] labels() {
        int[] labels = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            labels[i] = i % 3;
        }
        return labels;
    }

    private static void assertSame(DataSplit expected, DataSplit actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(digest(expected), digest(actual));
        // a slice that starts and ends inside a 64-bit word
        DataSplit expectedSlice = expected.slice(3, 7);
        DataSplit actualSlice = actual.slice(3, 7);
        assertEquals(4, actualSlice.size());
        for (int row = 0; row < expectedSlice.size(); row++) {
            assertArrayEquals(row(expectedSlice, row), row(actualSlice, row));
            assertEquals(expectedSlice.label(row), actualSlice.label(row));
        }
        assertEquals(digest(expectedSlice), digest(actualSlice));
    }

    private static float[] row(DataSplit split, int index) {
        float[] values = new float[WIDTH];
        split.copyRow(index, values, 0);
        return values;
    }

    private static String digest(DataSplit split) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            split.updateDigest(digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
