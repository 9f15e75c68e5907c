/**
 * Built-in model families: {@code vae}, the ELBO of Kingma and Welling 2014 with the spec's KL
 * weighting; {@code iwae}, the importance-weighted bound of Burda et al. 2016; {@code beta_tcvae},
 * the decomposed KL of Chen et al. 2018; {@code cvae}, the conditional VAE of Sohn et al. 2015;
 * {@code wae_mmd} and {@code info_vae}, which match the codes to the prior by an MMD (Tolstikhin et
 * al. 2018, Zhao et al. 2019); {@code dip_vae_i} and {@code dip_vae_ii}, the covariance penalties of
 * Kumar et al. 2018; {@code miwae}, {@code ciwae} and {@code piwae}, the importance-weighted bounds of
 * Rainforth et al. 2018 (PIWAE's decoder and encoder on two of them); the shared pieces (the MMD and
 * its kernels, the importance-weighted bound); and the plugin module that registers them.
 */
package org.vaelab.plugins.families;
