package org.vaelab.plugins.families.latent;

import org.vaelab.spi.Family;
import org.vaelab.spi.PluginModule;
import org.vaelab.spi.latent.DiagonalGaussianPosterior;
import org.vaelab.spi.latent.StandardNormalPrior;

/** The built-in priors p(z) and approximate posteriors q(z|x). */
public final class LatentPartsPlugin extends PluginModule {

    @Override
    protected void configure() {
        register(Family.PRIOR, "standard_normal", NoOptions.class, config -> new StandardNormalPrior(),
                "N(0, I) (Kingma and Welling 2014): the KL against a diagonal Gaussian q in closed form");
        register(Family.PRIOR, "mog", MixturePriorConfig.class, MixturePrior::new,
                "A learned mixture of K diagonal Gaussians, weights 1/K or learned; KL by Monte Carlo");
        register(Family.PRIOR, "vamp", VampPriorConfig.class, VampPrior::new,
                "VampPrior (Tomczak and Welling 2018): 1/K sum_k q(z|u_k), K learned pseudo-inputs; KL by Monte Carlo");
        register(Family.PRIOR, "categorical", CategoricalCodeConfig.class, UniformCategoricalPrior::new,
                "Uniform over latent_dim / K categorical variables (K classes; Jang et al. 2017), with gumbel_softmax");
        register(Family.PRIOR, "vq", CodebookConfig.class, UniformCodebookPrior::new,
                "Uniform over the K codes of the vq posterior's code book (van den Oord et al. 2017), with vq");
        register(Family.PRIOR, "two_layer", StochasticLayersConfig.class, TwoLayerPrior::new,
                "p(z1|z2) p(z2) of the VAE with two stochastic layers (Burda et al. 2016); x reads z1; with two_layer");
        register(Family.POSTERIOR, "gaussian", NoOptions.class, config -> new DiagonalGaussianPosterior(),
                "The encoder's diagonal Gaussian (Kingma and Welling 2014), reparameterised");
        register(Family.POSTERIOR, "planar", PlanarFlowConfig.class, PlanarFlowPosterior::new,
                "A planar flow (Rezende and Mohamed 2015) of K invertible maps on the encoder's Gaussian draw");
        register(Family.POSTERIOR, "iaf", IafConfig.class, InverseAutoregressiveFlowPosterior::new,
                "An inverse autoregressive flow (Kingma et al. 2016) of T MADE steps on the encoder's Gaussian draw");
        register(Family.POSTERIOR, "two_layer", StochasticLayersConfig.class, TwoLayerPosterior::new,
                "q(z1|x) q(z2|z1) of the VAE with two stochastic layers (Burda et al. 2016); KL by Monte Carlo");
        register(Family.POSTERIOR, "gumbel_softmax", CategoricalCodeConfig.class, GumbelSoftmaxPosterior::new,
                "Categorical variables relaxed by the Gumbel-softmax (Jang et al. 2017); KL against categorical exact");
        register(Family.POSTERIOR, "vq", VectorQuantiserConfig.class, VectorQuantisedPosterior::new,
                "VQ-VAE (van den Oord et al. 2017): nearest of K learned codes, straight-through, commitment loss");
    }

    /** The configuration of a part without options. */
    public record NoOptions() {
    }
}
