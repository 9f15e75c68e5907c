/**
 * The latent-variable parts of a model, each a plugin family of its own: the prior p(z)
 * ({@link org.vaelab.spi.latent.Prior}, {@code model.prior} in a spec) and the approximate posterior
 * q(z|x) ({@link org.vaelab.spi.latent.Posterior}, {@code model.posterior}), added to the model's
 * graph through a {@link org.vaelab.spi.latent.LatentContext}. Since SPI 2.1.
 */
package org.vaelab.spi.latent;
