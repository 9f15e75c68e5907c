package org.vaelab.plugins.families;

/** The plain VAE has no options: its objective is the ELBO, weighted by the spec's {@code kl} block. */
public record VaeConfig() {
}
