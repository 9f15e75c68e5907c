package org.vaelab.plugins.families;

/**
 * The conditional VAE has no options: its objective is the conditional ELBO, weighted by the spec's {@code kl} block.
 */
public record CvaeConfig() {
}
