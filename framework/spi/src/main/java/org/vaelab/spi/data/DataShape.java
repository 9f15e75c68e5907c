package org.vaelab.spi.data;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The shape of one example and what its values are.
 *
 * @param dims the dimensions of one example: {@code [channels, height, width]} for images,
 *     {@code [features]} for tables
 * @param range the values the features take
 * @param classes the number of label classes, 0 when the data has no labels
 * @param levels for values dequantized from {@code levels} discrete levels (256 for 8-bit grey
 *     levels): level {@code b} became {@code (b + u) / levels} with {@code u ~ U(0, 1)}, so that a
 *     density of the values bounds the probability of the discrete data
 *     ({@link #bitsPerDimension}); 0 for data that was not dequantized
 */
public record DataShape(List<Integer> dims, ValueRange range, int classes, int levels) {

    public DataShape {
        dims = List.copyOf(dims);
        if (dims.isEmpty() || dims.stream().anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("dims must be positive, got " + dims);
        }
        if (levels < 0 || levels == 1) {
            throw new IllegalArgumentException("levels must be 0 (not dequantized) or at least 2, got " + levels);
        }
    }

    /** The shape of data that was not dequantized. */
    public DataShape(List<Integer> dims, ValueRange range, int classes) {
        this(dims, range, classes, 0);
    }

    /** An image shape of {@code channels x height x width}. */
    public static DataShape image(int channels, int height, int width, ValueRange range, int classes) {
        return new DataShape(List.of(channels, height, width), range, classes);
    }

    /** This shape, of values dequantized from {@code levels} levels into [0, 1). */
    public DataShape dequantized(int levels) {
        return new DataShape(dims, ValueRange.UNIT_INTERVAL, classes, levels);
    }

    /** Whether the values were dequantized from discrete levels ({@link #levels()} is positive). */
    public boolean isDequantized() {
        return levels > 0;
    }

    /**
     * A log-likelihood (or a lower bound of it, such as the ELBO) of one example, in nats, as bits
     * per dimension of the discrete data the values were dequantized from:
     * {@code -logLikelihood / (D ln 2) + log2(levels)}, empty for data that was not dequantized.
     *
     * <p>With level {@code b} in {@code 0..levels-1} dequantized as {@code y = (b + u) / levels},
     * a density {@code p} of {@code y} gives the discrete model {@code P(b)}, the mass of {@code p}
     * on the cube {@code [b / levels, (b + 1) / levels)^D}; Jensen's inequality gives
     * {@code log P(b) >= E_u[log p(y)] - D ln(levels)} (Theis, van den Oord and Bethge 2016, "A note
     * on the evaluation of generative models", section 3.1), and the ELBO is below {@code log p(y)}.
     * So {@code -ELBO / (D ln 2) + log2(levels)}, averaged over the noise, is an upper bound on the
     * discrete data's negative log2-likelihood per dimension: 8 bits added for 256 levels, the
     * {@code 1/256} scaling of the values accounted for, as in the bits per dimension reported
     * for Real NVP (Dinh, Sohl-Dickstein and Bengio 2017) and later image models.
     */
    public OptionalDouble bitsPerDimension(double logLikelihood) {
        return levels == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(-logLikelihood / (size() * Math.log(2)) + Math.log(levels) / Math.log(2));
    }

    /** The number of values in one example. */
    public int size() {
        return dims.stream().reduce(1, Math::multiplyExact);
    }

    /** Whether examples are {@code channels x height x width} images. */
    public boolean isImage() {
        return dims.size() == 3;
    }
}
