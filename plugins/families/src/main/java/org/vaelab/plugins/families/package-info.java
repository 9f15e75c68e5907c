/**
 * Built-in model families: {@code vae}, the ELBO of Kingma and Welling 2014 with the spec's KL
 * weighting; {@code iwae}, the importance-weighted bound of Burda et al. 2016; {@code beta_tcvae},
 * the decomposed KL of Chen et al. 2018; {@code cvae}, the conditional VAE of Sohn et al. 2015;
 * and the plugin module that registers them.
 */
package org.vaelab.plugins.families;
