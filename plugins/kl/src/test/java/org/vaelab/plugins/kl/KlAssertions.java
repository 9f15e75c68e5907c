package org.vaelab.plugins.kl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.vaelab.spi.kl.KlWeighting;

/** Assertions on KL weightings, to rounding. */
final class KlAssertions {

    private KlAssertions() {
    }

    /** {@code actual} is {@code (weight, capacity)} up to a relative 1e-12. */
    static void assertWeighting(double weight, double capacity, KlWeighting actual, String message) {
        assertEquals(weight, actual.weight(), 1e-12 * Math.max(1, Math.abs(weight)), message + ": weight");
        assertEquals(capacity, actual.capacity(), 1e-12 * Math.max(1, Math.abs(capacity)), message + ": capacity");
    }
}
