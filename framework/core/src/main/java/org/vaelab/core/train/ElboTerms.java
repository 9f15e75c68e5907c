package org.vaelab.core.train;

import java.util.OptionalDouble;

/**
 * The ELBO of a split, its two terms, and the reconstruction errors that read on one scale for
 * every likelihood; means over examples, in nats per example: {@code elbo = -(reconLoss + kl)}.
 *
 * @param elbo the evidence lower bound (higher is better)
 * @param reconLoss {@code -E_q[log p(x|z)]}
 * @param kl {@code KL(q(z|x) || N(0, I))}
 * @param mse the mean squared error of the reconstruction mean, per value
 * @param bce the binary cross-entropy of the reconstruction mean, summed over values (data in [0, 1] only)
 * @param examples how many examples were averaged
 */
public record ElboTerms(double elbo, double reconLoss, double kl, double mse, OptionalDouble bce, int examples) {
}
