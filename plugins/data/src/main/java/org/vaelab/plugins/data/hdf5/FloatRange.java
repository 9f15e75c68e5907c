package org.vaelab.plugins.data.hdf5;

import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.ValueRange;

/** The range float examples take, read from their values, so likelihoods can check they fit the data. */
final class FloatRange {

    private FloatRange() {
    }

    /**
     * {@code BINARY} when every value is 0 or 1, {@code UNIT_INTERVAL} when every value lies in
     * [0, 1], else {@code REAL}.
     *
     * @param source what holds the values, for messages
     * @throws InvalidInputException when a value is NaN or infinite
     */
    static ValueRange of(float[] values, String source) {
        boolean binary = true;
        boolean unit = true;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                throw new InvalidInputException(source + " holds " + v + " at flat index " + i
                        + "; every value must be a finite number");
            }
            binary &= v == 0f || v == 1f;
            unit &= v >= 0f && v <= 1f;
        }
        return binary ? ValueRange.BINARY : unit ? ValueRange.UNIT_INTERVAL : ValueRange.REAL;
    }
}
