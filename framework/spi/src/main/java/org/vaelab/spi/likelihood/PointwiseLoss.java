package org.vaelab.spi.likelihood;

/**
 * {@code -log p(x|theta)} of a likelihood with one parameter per data value, evaluated value by
 * value on plain arrays, with its derivative: what the framework's fast path for dense VAEs uses in
 * place of {@link Likelihood#logProbability}, which it must equal up to float rounding. The
 * framework asks for one per trained model and calls it from one thread, so an implementation may
 * keep scratch arrays between calls.
 */
@FunctionalInterface
public interface PointwiseLoss {

    /**
     * Sums {@code -log p(x_i | theta_i)} over the first {@code count} values, in nats, and writes
     * its derivative with respect to {@code theta_i} into {@code gradient[i]}.
     */
    double negativeLogLikelihood(float[] x, float[] theta, float[] gradient, int count);
}
