package org.vaelab.plugins.likelihood;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.InvalidConfigException;

/**
 * The range a learned log-spread (Gaussian log-variance, Laplace log-scale) is softly clamped
 * into, so that the density stays bounded and its gradients finite whatever the decoder outputs.
 *
 * <p>Without a floor the likelihood of a learned-variance decoder is unbounded: putting a
 * location exactly on a training value and letting the spread go to 0 sends log p to +infinity
 * (Mattei and Frellsen 2018, "Leveraging the exact likelihood of deep latent variable models",
 * NeurIPS, who show this for unconstrained Gaussian-output models), a real risk on images with
 * many identical pixels such as a black background. A floor bounds the per-value log-density and the weight
 * {@code exp(-v)} that multiplies squared or absolute errors; a ceiling stops the model from declaring everything
 * noise with a flat, uninformative gradient.
 *
 * @param min the lower bound, approached as the raw output goes to minus infinity
 * @param max the upper bound, approached as the raw output goes to plus infinity
 */
record LogSpreadBounds(double min, double max) {

    LogSpreadBounds {
        if (!(min < max)) {
            throw new IllegalArgumentException("need min < max, got [" + min + ", " + max + "]");
        }
    }

    /**
     * The cross-field rule of a configuration that holds the bounds under the keys {@code minKey}
     * and {@code maxKey}.
     *
     * @throws InvalidConfigException at {@code maxKey} when {@code max <= min}
     */
    static void requireOrdered(String minKey, double min, String maxKey, double max) {
        if (!(min < max)) {
            throw new InvalidConfigException(maxKey, maxKey + " (" + max + ") must be greater than "
                    + minKey + " (" + min + ")");
        }
    }

    /**
     * The soft clamp {@code v = min + softplus(u - min)} with {@code u = m - softplus(m - raw)}:
     * the two one-sided softplus bounds on the log-variance of Chua et al. 2018 ("Deep
     * reinforcement learning in a handful of trials using probabilistic dynamics models", NeurIPS;
     * the bounded log-variance of their released PETS models), with the inner bound moved from
     * {@code max} to {@code m = min + log(expm1(max - min))} so that v tends to exactly {@code max}
     * (not {@code max + log(1 + exp(min - max))}) as {@code raw -> +infinity}, and to {@code min} as
     * {@code raw -> -infinity}. Smooth and strictly increasing, so gradients never stop; within 0.05
     * of the identity wherever raw is 3 or more from both bounds (with the Gaussian default [-9, 4] a
     * raw 0 gives -0.018, slope 0.98), so a raw decoder output reads as the log-spread itself. Finite
     * for every finite raw value, since the softplus never exponentiates a positive number.
     */
    SDVariable clamp(SameDiff sd, SDVariable raw) {
        double innerMax = min + Math.log(Math.expm1(max - min));
        SDVariable belowMax = StableMath.softplus(sd, raw.rsub(innerMax)).rsub(innerMax);
        return StableMath.softplus(sd, belowMax.sub(min)).add(min);
    }
}
