package org.vaelab.plugins.likelihood;

/** The continuous Bernoulli likelihood has no options. */
public record ContinuousBernoulliConfig() {
}
