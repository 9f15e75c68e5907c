package org.vaelab.spi.nn;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The parameters of a diagonal Gaussian q(z|x) = N(mean, diag(exp(logVariance))), each of shape
 * {@code [batch, latentDim]} (Kingma and Welling 2014, "Auto-Encoding Variational Bayes", appendix C.2).
 */
public record GaussianPosterior(SDVariable mean, SDVariable logVariance) {
}
