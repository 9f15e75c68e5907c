package org.vaelab.plugins.data.split;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many examples a split holds out: a count ({@code 5000}; {@code 0} for none) or a fraction of
 * the examples it is taken from, written as a decimal strictly between 0 and 1 ({@code 0.1}) or as a
 * ratio of whole numbers ({@code 1/12}). A fraction of {@code n} examples is {@code n * fraction}
 * rounded half up, computed exactly (so {@code 1/12} of 60,000 is 5,000 and {@code 0.1} of 5 is 1).
 *
 * <p>The option value of {@code validation} (and {@code test}, for datasets that split their own
 * test set) in every dataset type. A spec writes it as one YAML scalar, which {@link #parse} reads
 * and {@link #toString} writes back.
 */
public final class SplitSize {

    /** No examples. */
    public static final SplitSize NONE = count(0);

    /** What the option takes, for messages. */
    public static final String FORMS = "a number of examples (a whole number such as 5000, or 0 for none) or a "
            + "fraction of them between 0 and 1 (such as 0.1 or 1/12)";

    private static final Pattern COUNT = Pattern.compile("\\d+");
    private static final Pattern RATIO = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)");

    /** The exact share of the examples, or null for a count. */
    private final BigInteger numerator;
    private final BigInteger denominator;
    private final int count;
    private final String text;

    private SplitSize(int count, BigInteger numerator, BigInteger denominator, String text) {
        this.count = count;
        this.numerator = numerator;
        this.denominator = denominator;
        this.text = text;
    }

    /** {@code count} examples. */
    public static SplitSize count(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("must be " + FORMS + ", found " + count);
        }
        return new SplitSize(count, null, null, Integer.toString(count));
    }

    /**
     * The fraction {@code numerator / denominator} of the examples, written as a ratio.
     *
     * @throws IllegalArgumentException unless {@code 0 < numerator < denominator}
     */
    public static SplitSize ratio(long numerator, long denominator) {
        return ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator), numerator + "/" + denominator);
    }

    /**
     * Reads what a spec wrote: a whole number is a count; a decimal strictly between 0 and 1, or a
     * ratio {@code p/q} of whole numbers with {@code 0 < p < q}, a fraction; a decimal equal to 0
     * ({@code 0.0}) is none.
     *
     * @throws IllegalArgumentException for anything else, saying what is allowed
     */
    public static SplitSize parse(String written) {
        String text = written.trim();
        if (COUNT.matcher(text).matches()) {
            BigInteger value = new BigInteger(text);
            if (value.bitLength() >= Integer.SIZE) {
                throw new IllegalArgumentException("must be at most " + Integer.MAX_VALUE + " examples, found " + text);
            }
            return count(value.intValueExact());
        }
        Matcher ratio = RATIO.matcher(text);
        if (ratio.matches()) {
            return ratio(new BigInteger(ratio.group(1)), new BigInteger(ratio.group(2)),
                    ratio.group(1) + "/" + ratio.group(2));
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be " + FORMS + ", found " + describe(written), e);
        }
        if (decimal.signum() == 0) {
            return NONE;
        }
        if (decimal.signum() < 0 || decimal.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("must be " + FORMS + ", found " + text
                    + (decimal.signum() > 0 ? "; a count is written without a decimal point" : ""));
        }
        BigDecimal exact = decimal.stripTrailingZeros();
        return new SplitSize(0, exact.unscaledValue(), BigInteger.TEN.pow(exact.scale()), exact.toPlainString());
    }

    private static SplitSize ratio(BigInteger numerator, BigInteger denominator, String text) {
        if (numerator.signum() <= 0 || numerator.compareTo(denominator) >= 0) {
            throw new IllegalArgumentException("must be " + FORMS + "; a ratio p/q needs 0 < p < q, found " + text);
        }
        return new SplitSize(0, numerator, denominator, text);
    }

    private static String describe(String written) {
        return written.isBlank() ? "an empty value" : "'" + written + "'";
    }

    /** Whether this is a fraction of the examples, not a count. */
    public boolean isFraction() {
        return numerator != null;
    }

    /** Whether this holds out no examples whatever their number: the count 0. */
    public boolean isNone() {
        return numerator == null && count == 0;
    }

    /**
     * How many of {@code examples} examples this holds out: the count (which may exceed
     * {@code examples}; callers check), or the fraction of them rounded half up.
     */
    public int of(int examples) {
        if (numerator == null) {
            return count;
        }
        BigInteger twice = BigInteger.valueOf(examples).multiply(numerator).shiftLeft(1);
        return twice.add(denominator).divide(denominator.shiftLeft(1)).intValueExact();
    }

    /**
     * The count, for a count: what configurations that know their number of examples (or a limit
     * on it) check against it.
     *
     * @throws IllegalStateException for a fraction
     */
    public int count() {
        if (numerator != null) {
            throw new IllegalStateException(text + " is a fraction, not a count");
        }
        return count;
    }

    /** The share of the examples as a number, for a fraction. */
    public double share() {
        if (numerator == null) {
            throw new IllegalStateException(text + " is a count, not a fraction");
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64)
                .doubleValue();
    }

    /** Whether this fraction and {@code other}, also a fraction, add up to 1 or more (exactly). */
    boolean reachesAllWith(SplitSize other) {
        if (numerator == null || other.numerator == null) {
            throw new IllegalStateException("only fractions add up to a share: " + this + ", " + other);
        }
        return numerator.multiply(other.denominator).add(other.numerator.multiply(denominator))
                .compareTo(denominator.multiply(other.denominator)) >= 0;
    }

    /** As a spec writes it, and as {@link #parse} reads it back: {@code 5000}, {@code 0.1} or {@code 1/12}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SplitSize size && text.equals(size.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }
}
