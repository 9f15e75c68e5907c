package org.vaelab.plugins.optim.schedule;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Cosine annealing without restarts (Loshchilov and Hutter 2017, "SGDR: Stochastic Gradient
 * Descent with Warm Restarts", equation 5, with a single period):
 * {@code min + (initial - min) * (1 + cos(pi * min(t, steps) / steps)) / 2} at iteration t, so
 * {@code initial} at 0 and {@code min} from {@code steps} on. ND4J 1.0.0-M2.1 has no cosine schedule.
 *
 * @param initial the value at iteration 0
 * @param min the value from iteration {@code steps} on
 * @param steps the length of the decay, at least 1
 */
record CosineDecaySchedule(double initial, double min, int steps) implements ISchedule {

    CosineDecaySchedule {
        if (steps < 1) {
            throw new IllegalArgumentException("a cosine decay needs at least one step, got " + steps);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double progress = (double) Math.min(iteration, steps) / steps;
        return min + (initial - min) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    @Override
    public ISchedule clone() {
        return new CosineDecaySchedule(initial, min, steps);
    }
}
