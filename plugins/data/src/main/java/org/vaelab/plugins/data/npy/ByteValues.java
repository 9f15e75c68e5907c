package org.vaelab.plugins.data.npy;

import java.io.IOException;
import java.io.InputStream;

/**
 * The values of a {@code uint8} or {@code bool} array, read one example at a time and put in
 * VAELab's order: kept as bits (one per value) while every value read is 0 or 1, and as one byte
 * array per example from the first example that holds another value. So neither storage is bound
 * by the size of one Java array: dSprites' 737,280 binary images (3 billion values) take 377 MB.
 */
final class ByteValues {

    private final int count;
    private final int width;
    private long[] bits;
    private byte[][] rows;
    private int firstGrey;

    private ByteValues(int count, int width) {
        this.count = count;
        this.width = width;
        this.firstGrey = count;
    }

    /**
     * Reads {@code count} examples of {@code width} values each from {@code in}.
     *
     * @param fileOrder for each value of an example in VAELab's order, its index in the file's example
     * @param truncated the error for a stream that ends after the given number of bytes
     */
    static ByteValues read(InputStream in, int count, int[] fileOrder, Truncation truncated) throws IOException {
        int width = fileOrder.length;
        ByteValues values = new ByteValues(count, width);
        values.bits = new long[Math.toIntExact(((long) count * width + Long.SIZE - 1) / Long.SIZE)];
        byte[] example = new byte[width];
        for (int i = 0; i < count; i++) {
            int read = in.readNBytes(example, 0, width);
            if (read < width) {
                throw truncated.after((long) i * width + read);
            }
            byte[] row = new byte[width];
            for (int k = 0; k < width; k++) {
                row[k] = example[fileOrder[k]];
            }
            values.add(i, row);
        }
        return values;
    }

    /** What reading fails with when the data ends early. */
    @FunctionalInterface
    interface Truncation {
        RuntimeException after(long bytesRead);
    }

    private void add(int example, byte[] row) {
        if (rows == null && !binary(row)) {
            firstGrey = example;
            byte[][] grey = new byte[count][];
            for (int i = 0; i < example; i++) {
                grey[i] = row(i);
            }
            rows = grey;
            bits = null;
        }
        if (rows != null) {
            rows[example] = row;
            return;
        }
        long start = (long) example * width;
        for (int k = 0; k < width; k++) {
            if (row[k] != 0) {
                long bit = start + k;
                bits[(int) (bit >>> 6)] |= 1L << (bit & 63);
            }
        }
    }

    private static boolean binary(byte[] row) {
        for (byte value : row) {
            if ((value & 0xFE) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first {@code examples} examples hold only 0 and 1. */
    boolean binaryUpTo(int examples) {
        return examples <= firstGrey;
    }

    /** The number of values of one example. */
    int width() {
        return width;
    }

    /** The number of values kept: one per value of every example. */
    long size() {
        return (long) count * width;
    }

    /** Example {@code example}'s values as bytes, in VAELab's order: the kept array itself once they are bytes. */
    byte[] row(int example) {
        if (rows != null) {
            return rows[example];
        }
        byte[] row = new byte[width];
        long start = (long) example * width;
        for (int k = 0; k < width; k++) {
            long bit = start + k;
            row[k] = (byte) ((bits[(int) (bit >>> 6)] >>> (bit & 63)) & 1);
        }
        return row;
    }

    /**
     * Sets the bits of example {@code example}'s nonzero values in {@code words}, starting at bit
     * {@code at}: the example as one bit per value, wherever it is kept.
     */
    void copyBits(int example, long[] words, long at) {
        if (rows != null) {
            byte[] row = rows[example];
            for (int k = 0; k < width; k++) {
                if (row[k] != 0) {
                    setBit(words, at + k);
                }
            }
            return;
        }
        long start = (long) example * width;
        for (int k = 0; k < width; k++) {
            long bit = start + k;
            if ((bits[(int) (bit >>> 6)] & (1L << (bit & 63))) != 0) {
                setBit(words, at + k);
            }
        }
    }

    private static void setBit(long[] words, long bit) {
        words[(int) (bit >>> 6)] |= 1L << (bit & 63);
    }
}
