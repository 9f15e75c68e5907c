package org.vaelab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link RunningLogSumExp} over many seeded random sequences (lengths 1 to 500,
 * terms from -1000 to +1000 nats, some minus infinity) and random splits of them:
 * <ul>
 * <li>fed in chunks the way {@link ImportanceSampling} feeds one pass after another (every row's
 *     terms of a chunk, then the next chunk), the result is the same to the bit for every chunk
 *     size, from 1 to one chunk holding all: each row sees its terms in the same order;
 * <li>the log-sum-exp of the log-sum-exps of the parts of any split (empty parts included) is
 *     that of the whole sequence, and both are the two-pass log-sum-exp (max, then sum), to the
 *     rounding bound below.
 * </ul>
 * The bound, from a first-order error analysis in double precision (unit roundoff u = 2^-53):
 * each term costs the scaled sum at most 3u relative error (Math.exp within 1 ulp, a product and
 * a sum), which log turns into absolute error; each part's result m + log s is rounded once more,
 * which exp turns back into relative error of its term. So two ways of summing K terms in P parts
 * differ by at most {@code 2 * 3u * (K + P) + (P + 2) * ulp(|max| + log K)}; the test asserts twice
 * that, {@code 12u(K + P) + 2(P + 2) ulp(|max| + log K)}: about 3e-13 for 500 terms near 1000.
 */
class RunningLogSumExpSplitTest {

    private static final double UNIT_ROUNDOFF = Math.scalb(1.0, -53);
    private static final int CASES = 300;

    static IntStream seeds() {
        return IntStream.range(0, CASES);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyChunkSizeGivesTheSameBits(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = random.nextInt(1, 6);
        double[][] terms = new double[rows][];
        int samples = random.nextInt(1, 300);
        for (int i = 0; i < rows; i++) {
            terms[i] = sequence(random, samples);
        }
        double[] reference = chunked(terms, samples);
        for (int chunk : new int[] {1, 2, random.nextInt(1, samples + 1), samples}) {
            double[] other = chunked(terms, chunk);
            for (int i = 0; i < rows; i++) {
                assertEquals(reference[i], other[i], "chunk " + chunk + " of " + samples + ", row " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theLogSumOfPartsIsTheLogSumOfTheWhole(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] terms = sequence(random, random.nextInt(1, 501));
        int parts = random.nextInt(1, Math.min(terms.length, 20) + 2);
        int[] cuts = IntStream.concat(IntStream.of(0, terms.length),
                random.ints(parts - 1, 0, terms.length + 1)).sorted().toArray();

        RunningLogSumExp whole = new RunningLogSumExp(1);
        Arrays.stream(terms).forEach(term -> whole.add(0, term));
        RunningLogSumExp merged = new RunningLogSumExp(1);
        for (int p = 0; p + 1 < cuts.length; p++) {
            RunningLogSumExp part = new RunningLogSumExp(1);
            for (int k = cuts[p]; k < cuts[p + 1]; k++) {
                part.add(0, terms[k]);
            }
            merged.add(0, part.logSum(0));
        }

        double max = Arrays.stream(terms).max().orElseThrow();
        double twoPass = max + Math.log(Arrays.stream(terms).map(term -> Math.exp(term - max)).sum());
        double bound = 12 * UNIT_ROUNDOFF * (terms.length + parts)
                + 2 * (parts + 2) * Math.ulp(Math.abs(max) + Math.log(terms.length));
        String split = terms.length + " terms cut at " + Arrays.toString(cuts);
        assertEquals(twoPass, whole.logSum(0), bound, "the whole, " + split);
        assertEquals(whole.logSum(0), merged.logSum(0), bound, "the parts, " + split);
    }

    /**
     * Terms around a random level from -1000 to +1000 nats, spread over up to 50 nats either side, one in
     * twenty minus infinity; the first is finite, so the log-sum is.
     */
    private static double[] sequence(SplittableRandom random, int length) {
        double level = random.nextDouble(-1000, 1000);
        double spread = random.nextDouble(1e-3, 50);
        double[] terms = new double[length];
        for (int k = 0; k < length; k++) {
            terms[k] = k > 0 && random.nextInt(20) == 0 ? Double.NEGATIVE_INFINITY
                    : level + random.nextDouble(-spread, spread);
        }
        return terms;
    }

    /** Each row's log-sum, the terms fed as {@link ImportanceSampling} does: chunk by chunk, sample-major. */
    private static double[] chunked(double[][] terms, int chunk) {
        int rows = terms.length;
        int samples = terms[0].length;
        RunningLogSumExp sums = new RunningLogSumExp(rows);
        for (int first = 0; first < samples; first += chunk) {
            int drawn = Math.min(chunk, samples - first);
            for (int s = 0; s < drawn; s++) {
                for (int i = 0; i < rows; i++) {
                    sums.add(i, terms[i][first + s]);
                }
            }
        }
        return IntStream.range(0, rows).mapToDouble(sums::logSum).toArray();
    }
}
