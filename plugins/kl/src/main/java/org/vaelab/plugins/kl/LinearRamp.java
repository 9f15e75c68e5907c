package org.vaelab.plugins.kl;

/**
 * A value moving linearly from {@code from} at step 0 to {@code to} at step {@code steps}, then
 * held: {@code from + (to - from) * min(step, steps) / steps}. It is the linear annealing of
 * Bowman et al. 2016 and Sønderby et al. 2016 and the linearly growing capacity of Burgess et al. 2018.
 *
 * @param from the value at step 0
 * @param to the value from step {@code steps} on
 * @param steps the length of the ramp, at least 1
 */
record LinearRamp(double from, double to, long steps) {

    LinearRamp {
        if (steps < 1) {
            throw new IllegalArgumentException("a ramp needs at least one step, got " + steps);
        }
    }

    /** The value at 0-based {@code step}. */
    double at(long step) {
        return from + (to - from) * ((double) Math.min(step, steps) / steps);
    }
}
