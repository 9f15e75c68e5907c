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
    }
}
