package org.vaelab.plugins.families;

import org.vaelab.spi.Family;
import org.vaelab.spi.PluginModule;

/** The built-in model families. */
public final class ModelFamiliesPlugin extends PluginModule {

    @Override
    protected void configure() {
        register(Family.MODEL_FAMILY, "vae", VaeConfig.class, config -> new VaeFamily(),
                "The VAE (Kingma and Welling 2014): the ELBO, its KL term weighted by the spec's kl block");
        register(Family.MODEL_FAMILY, "iwae", IwaeConfig.class, config -> new IwaeFamily(config.samples()),
                "The importance-weighted autoencoder (Burda et al. 2016): trains on the k-sample bound");
        register(Family.MODEL_FAMILY, "beta_tcvae", BetaTcVaeConfig.class, BetaTcVaeFamily::new,
                "beta-TCVAE (Chen et al. 2018): mutual information, total correlation and dimension-wise KL "
                        + "weighted alpha, beta, gamma; logs all three");
        register(Family.MODEL_FAMILY, "cvae", CvaeConfig.class, config -> new CvaeFamily(),
                "The conditional VAE (Sohn et al. 2015): encoder and decoder take the one-hot class label; "
                        + "needs labelled data");
        register(Family.MODEL_FAMILY, "wae_mmd", WaeMmdConfig.class, WaeMmdFamily::new,
                "WAE-MMD (Tolstikhin et al. 2018): reconstruction plus lambda times the MMD of the codes to the prior, "
                        + "inverse multiquadratics kernel; logs mmd");
        register(Family.MODEL_FAMILY, "info_vae", InfoVaeConfig.class, InfoVaeFamily::new,
                "InfoVAE / MMD-VAE (Zhao et al. 2019): reconstruction, (1 - alpha) KL and (alpha + lambda - 1) MMD of "
                        + "the codes to the prior, Gaussian kernel; logs mmd");
        register(Family.MODEL_FAMILY, "dip_vae_i", DipVaeIConfig.class,
                config -> new DipVaeFamily(DipVaeFamily.Covariance.OF_MEANS, config.lambdaOd(), config.lambdaD()),
                "DIP-VAE-I (Kumar et al. 2018): the VAE plus a penalty moving the covariance of the posterior means "
                        + "to the identity; logs covariance_penalty");
        register(Family.MODEL_FAMILY, "dip_vae_ii", DipVaeIIConfig.class,
                config -> new DipVaeFamily(DipVaeFamily.Covariance.OF_AGGREGATE_POSTERIOR, config.lambdaOd(),
                        config.lambdaD()),
                "DIP-VAE-II (Kumar et al. 2018): the VAE plus a penalty moving the covariance of the aggregate "
                        + "posterior to the identity; logs covariance_penalty");
        register(Family.MODEL_FAMILY, "miwae", MiwaeConfig.class, MiwaeFamily::new,
                "MIWAE (Rainforth et al. 2018): the mean of M importance-weighted bounds of K samples each");
        register(Family.MODEL_FAMILY, "piwae", MiwaeConfig.class, PiwaeFamily::new,
                "PIWAE (Rainforth et al. 2018): the decoder trains on the IWAE bound of all M K samples, the encoder "
                        + "on the MIWAE bound of M groups of K; logs generative_loss");
        register(Family.MODEL_FAMILY, "ciwae", CiwaeConfig.class, CiwaeFamily::new,
                "CIWAE (Rainforth et al. 2018): beta ELBO + (1 - beta) IWAE bound from the same K samples");
        register(Family.MODEL_FAMILY, "factor_vae", FactorVaeConfig.class, FactorVaeFamily::new,
                "FactorVAE (Kim and Mnih 2018): the VAE plus gamma times a discriminator's total-correlation estimate, "
                        + "the discriminator trained with its own Adam on permuted codes; logs tc_estimate and "
                        + "discriminator_accuracy");
    }
}
