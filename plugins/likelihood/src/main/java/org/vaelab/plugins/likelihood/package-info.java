/**
 * Built-in likelihoods: {@code bernoulli}, {@code continuous_bernoulli} (Loaiza-Ganem and
 * Cunningham 2019), and the location-scale {@code gaussian} and {@code laplace}, each with a fixed,
 * one learned or a per-value learned spread. Log-probabilities are in nats, summed over values,
 * with all normalising constants; {@code bernoulli} on grey levels is the usual cross-entropy,
 * which {@code continuous_bernoulli} normalises.
 */
package org.vaelab.plugins.likelihood;
