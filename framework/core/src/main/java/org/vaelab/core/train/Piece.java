package org.vaelab.core.train;

import java.util.Arrays;

/**
 * What a compiled graph runs as one {@link Kernel}: an op, or the part of it that computes some
 * rows of its outputs from some rows of its inputs, which tells the graph which other kernels it
 * waits for.
 *
 * @param body the work
 * @param reads for each input of the op, the rows {@code [from, to)} it reads ({@link #ALL} for
 *     every row, {@link #NONE} for none)
 * @param writes for each output of the op, the rows it writes, or null when it writes none of them
 * @param afterPieces the pieces of the same op, by index, that must be done first
 */
record Piece(Runnable body, long[][] reads, long[][] writes, int[] afterPieces) {

    /** Every row. */
    static final long[] ALL = {0, Long.MAX_VALUE};
    /** No row. */
    static final long[] NONE = {0, 0};

    /** The whole op: every row of every input and output. */
    static Piece whole(Runnable body, int inputs, int outputs) {
        return new Piece(body, rows(inputs, ALL), rows(outputs, ALL), new int[0]);
    }

    /** {@code count} times the same range. */
    static long[][] rows(int count, long[] range) {
        long[][] ranges = new long[count][];
        Arrays.fill(ranges, range);
        return ranges;
    }

    /** Whether two row ranges share a row. */
    static boolean overlap(long[] a, long[] b) {
        return a[0] < b[1] && b[0] < a[1];
    }
}
