package org.vaelab.core.train;

/**
 * The ELBO of a split and its two terms, means over examples in nats per example:
 * {@code elbo = -(reconLoss + kl)}.
 *
 * @param elbo the evidence lower bound (higher is better)
 * @param reconLoss {@code -E_q[log p(x|z)]}
 * @param kl {@code KL(q(z|x) || N(0, I))}
 * @param examples how many examples were averaged
 */
public record ElboTerms(double elbo, double reconLoss, double kl, int examples) {
}
