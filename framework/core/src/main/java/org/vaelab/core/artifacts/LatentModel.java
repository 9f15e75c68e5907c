package org.vaelab.core.artifacts;

/**
 * A trained VAE as the figures see it: the mean of q(z|x) for each input, and the mean of p(x|z)
 * for each latent code (Kingma and Welling 2014, "Auto-Encoding Variational Bayes", section 3).
 * Batches are row-major float arrays.
 */
public interface LatentModel {

    /** The size of z. */
    int latentDim();

    /** The posterior means of {@code count} inputs, {@code [count, latentDim]}, row-major. */
    float[] posteriorMeans(float[] inputs, int count);

    /** The decoder means of {@code count} latent codes, {@code [count, D]}, row-major. */
    float[] decoderMeans(float[] codes, int count);
}
