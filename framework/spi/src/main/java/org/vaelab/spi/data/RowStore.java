package org.vaelab.spi.data;

import java.util.Arrays;

/**
 * How a {@link DataSplit} keeps its values: as floats, as unsigned bytes read as {@code b / 255},
 * or as single bits, so that a large set of grey-level or binary images takes one byte or one bit
 * per value instead of four.
 */
sealed interface RowStore {

    /** The number of values held. */
    long length();

    /** Copies {@code count} values from {@code from} into {@code target} at {@code offset}, as floats. */
    void copy(long from, float[] target, int offset, int count);

    /** Values {@code [from, to)} as a new store of the same kind. */
    RowStore range(long from, long to);

    /** Floats as they are. */
    record Floats(float[] values) implements RowStore {
        @Override
        public long length() {
            return values.length;
        }

        @Override
        public void copy(long from, float[] target, int offset, int count) {
            System.arraycopy(values, Math.toIntExact(from), target, offset, count);
        }

        @Override
        public RowStore range(long from, long to) {
            return new Floats(Arrays.copyOfRange(values, Math.toIntExact(from), Math.toIntExact(to)));
        }
    }

    /** Unsigned bytes, each read as {@code (b & 0xFF) / 255}. */
    record Bytes(byte[] values) implements RowStore {
        private static final float[] LEVELS = new float[256];

        static {
            for (int level = 0; level < LEVELS.length; level++) {
                LEVELS[level] = level / 255f;
            }
        }

        @Override
        public long length() {
            return values.length;
        }

        @Override
        public void copy(long from, float[] target, int offset, int count) {
            int start = Math.toIntExact(from);
            for (int i = 0; i < count; i++) {
                target[offset + i] = LEVELS[values[start + i] & 0xFF];
            }
        }

        @Override
        public RowStore range(long from, long to) {
            return new Bytes(Arrays.copyOfRange(values, Math.toIntExact(from), Math.toIntExact(to)));
        }
    }

    /**
     * Unsigned bytes, one array per row of {@code width}, each read as {@code (b & 0xFF) / 255}: no
     * single array holds them all, so a store may pass the largest Java array (2^31 - 9 values).
     */
    record ByteRows(byte[][] rows, int width) implements RowStore {
        public ByteRows {
            for (byte[] row : rows) {
                if (row.length != width) {
                    throw new IllegalArgumentException("a row of " + row.length + " bytes among rows of " + width);
                }
            }
        }

        @Override
        public long length() {
            return (long) rows.length * width;
        }

        @Override
        public void copy(long from, float[] target, int offset, int count) {
            for (int i = 0; i < count; i++) {
                long value = from + i;
                target[offset + i] = Bytes.LEVELS[rows[(int) (value / width)][(int) (value % width)] & 0xFF];
            }
        }

        @Override
        public RowStore range(long from, long to) {
            if (from % width != 0 || to % width != 0) {
                throw new IllegalArgumentException("[" + from + ", " + to + ") is not whole rows of " + width);
            }
            return new ByteRows(Arrays.copyOfRange(rows, (int) (from / width), (int) (to / width)), width);
        }
    }

    /** Bits, value {@code i} being bit {@code i % 64} of word {@code i / 64}, read as 0 or 1. */
    record Bits(long[] words, long length) implements RowStore {
        public Bits {
            if (length < 0 || length > (long) words.length * Long.SIZE) {
                throw new IllegalArgumentException(words.length + " words cannot hold " + length + " bits");
            }
        }

        @Override
        public void copy(long from, float[] target, int offset, int count) {
            for (int i = 0; i < count; i++) {
                long bit = from + i;
                target[offset + i] = (words[(int) (bit >>> 6)] >>> (bit & 63) & 1L) == 0 ? 0f : 1f;
            }
        }

        @Override
        public RowStore range(long from, long to) {
            long count = to - from;
            long[] part = new long[Math.toIntExact((count + 63) / 64)];
            for (long i = 0; i < count; i++) {
                long bit = from + i;
                if ((words[(int) (bit >>> 6)] >>> (bit & 63) & 1L) != 0) {
                    part[(int) (i >>> 6)] |= 1L << (i & 63);
                }
            }
            return new Bits(part, count);
        }
    }
}
