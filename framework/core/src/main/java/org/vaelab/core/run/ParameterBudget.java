package org.vaelab.core.run;

import java.util.List;
import java.util.Locale;
import org.vaelab.core.train.ModelParts;
import org.vaelab.spi.InvalidInputException;

/**
 * Refuses, before its graph is built, a model whose parameters this process cannot hold: one
 * array of more values than fit (a Java array's limit, or half the heap, where initial weights are
 * drawn), or more parameters than fit, with their gradients and Adam's two moments, in the memory
 * ND4J may use. The counts are the encoder's and decoder's {@code parameterArrays}, in long
 * arithmetic; networks that do not count theirs are not checked.
 */
final class ParameterBudget {

    /** The longest array a JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Copies of the parameters a run holds: the values, their gradients and Adam's two moments. */
    private static final int COPIES = 4;
    private static final int FLOAT_BYTES = 4;
    private static final double GIB = 1L << 30;

    private final long heapBytes;
    private final long nativeBytes;

    /**
     * @param heapBytes the Java heap the process may use, where initial weights are drawn
     * @param nativeBytes the memory ND4J's arrays may use
     */
    ParameterBudget(long heapBytes, long nativeBytes) {
        this.heapBytes = heapBytes;
        this.nativeBytes = nativeBytes;
    }

    /**
     * The budget of this process: its maximum heap, and the resident memory it may use
     * ({@link NativeMemory#limit}).
     */
    static ParameterBudget ofThisProcess() {
        return new ParameterBudget(Runtime.getRuntime().maxMemory(), NativeMemory.limit());
    }

    /**
     * Checks the model {@code parts} would build.
     *
     * @throws InvalidInputException naming the network with the largest array, the count and the limit
     */
    void check(ModelParts parts) {
        List<Long> encoder = parts.encoderParameterArrays();
        List<Long> decoder = parts.decoderParameterArrays();
        long total = sum(encoder) > Long.MAX_VALUE - sum(decoder) ? Long.MAX_VALUE : sum(encoder) + sum(decoder);
        long largest = Math.max(largest(encoder), largest(decoder));
        String where = largest(encoder) >= largest(decoder) ? "model.encoder" : "model.decoder";
        String count = String.format(Locale.ROOT, "%s: the model would have %,d parameters (%.1f GiB as float32)",
                where, total, total * (double) FLOAT_BYTES / GIB);
        long arrayLimit = Math.min(MAX_ARRAY, heapBytes / FLOAT_BYTES / 2);
        if (largest > arrayLimit) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s, %,d of them in one layer's array; at most"
                    + " %,d fit in one array in this process; use smaller layers", count, largest, arrayLimit));
        }
        long totalLimit = nativeBytes / FLOAT_BYTES / COPIES;
        if (total > totalLimit) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s; with their gradients and Adam's two moments"
                    + " at most %,d fit in this process's memory (%.1f GiB); use smaller layers", count, totalLimit,
                    nativeBytes / GIB));
        }
    }

    private static long sum(List<Long> sizes) {
        long sum = 0;
        for (long size : sizes) {
            sum = size > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + size;
        }
        return sum;
    }

    private static long largest(List<Long> sizes) {
        return sizes.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
