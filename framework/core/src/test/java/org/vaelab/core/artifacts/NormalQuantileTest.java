package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalQuantileTest {

    /** Reference quantiles from Wichura's AS241 (Python's statistics.NormalDist.inv_cdf), good to 1e-16. */
    @ParameterizedTest
    @CsvSource({
        "0.975, 1.9599639845400536",
        "0.025, -1.9599639845400538",
        "0.5, 0.0",
        "0.8413447460685429, 1.0",
        "0.95, 1.6448536269514715",
        "0.05, -1.6448536269514726",
        "0.9, 1.2815515655446008",
        "0.3, -0.5244005127080407",
        "0.999, 3.090232306167813",
        "0.001, -3.090232306167813",
        "0.02425, -1.9729610513118845",
        "0.97575, 1.9729610513118847",
        "1e-10, -6.361340902404056",
    })
    void matchesKnownQuantiles(double p, double expected) {
        assertEquals(expected, NormalQuantile.of(p), 1e-6);
    }

    @Test
    void isAntisymmetricAboutOneHalf() {
        for (int i = 1; i < 1000; i++) {
            double p = i / 1000.0;
            assertEquals(-NormalQuantile.of(p), NormalQuantile.of(1 - p), 1e-8, "p = " + p);
        }
    }

    @Test
    void increasesWithP() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < 10_000; i++) {
            double z = NormalQuantile.of(i / 10_000.0);
            assertEquals(true, z > previous, "at p = " + i / 10_000.0);
            previous = z;
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN})
    void refusesValuesOutsideTheOpenUnitInterval(double p) {
        assertThrows(IllegalArgumentException.class, () -> NormalQuantile.of(p));
    }
}
