package org.vaelab.spi.data;

/** The values a dataset's features take, so likelihoods can refuse data they cannot model. */
public enum ValueRange {
    /** Exactly 0 or 1. */
    BINARY,
    /** Anywhere in [0, 1], such as grey levels. */
    UNIT_INTERVAL,
    /** Any real number. */
    REAL;

    /** Whether every value in this range also lies in {@code other}. */
    public boolean within(ValueRange other) {
        return other == REAL || other == this || (this == BINARY && other == UNIT_INTERVAL);
    }
}
