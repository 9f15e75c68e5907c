package org.vaelab.plugins.likelihood;

/** The Bernoulli likelihood has no options. */
public record BernoulliConfig() {
}
