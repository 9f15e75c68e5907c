/**
 * The built-in priors (N(0, I), a learned mixture of Gaussians, the VampPrior) and posteriors (the diagonal
 * Gaussian, planar flows, inverse autoregressive flows), on the SPI of {@link org.vaelab.spi.latent}.
 */
package org.vaelab.plugins.families.latent;
