package org.vaelab.core.artifacts;

import java.util.random.RandomGenerator;
import org.vaelab.core.train.PriorSampler;

/**
 * A trained VAE as the figures see it: the mean of q(z|x) for each input, and the mean of p(x|z)
 * for each latent code (Kingma and Welling 2014, "Auto-Encoding Variational Bayes", section 3);
 * for a model conditioned on labels, q(z|x, y) and p(x|z, y) with each row's label y (Sohn, Lee
 * and Yan 2015). Batches are row-major float arrays.
 */
public interface LatentModel {

    /** The size of z. */
    int latentDim();

    /** The number of label classes the model is conditioned on; 0 when it is not. */
    int conditioningClasses();

    /**
     * The posterior means of {@code count} inputs, {@code [count, latentDim]}, row-major.
     *
     * @param labels the inputs' labels, or null when they have none; a conditional model needs them
     */
    float[] posteriorMeans(float[] inputs, int[] labels, int count);

    /**
     * The decoder means of {@code count} latent codes, {@code [count, D]}, row-major.
     *
     * @param labels the label to decode each code with, or null; a conditional model needs them
     */
    float[] decoderMeans(float[] codes, int[] labels, int count);

    /**
     * {@code count} latent codes drawn from the prior p(z), {@code [count, latentDim]}, row-major, with noise from
     * {@code random}; by default from N(0, I), {@code count * latentDim} draws of {@code random.nextGaussian()}.
     */
    default float[] priorDraws(int count, RandomGenerator random) {
        return PriorSampler.standardNormal(latentDim()).draw(count, random);
    }

    /** Whether the prior is N(0, I), whose quantiles the 2-D manifold maps; true by default. */
    default boolean priorIsStandardNormal() {
        return true;
    }
}
