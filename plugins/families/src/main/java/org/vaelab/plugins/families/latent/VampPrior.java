package org.vaelab.plugins.families.latent;

import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.latent.LatentContext;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * The VampPrior of Tomczak and Welling 2018, "VAE with a VampPrior", eq. 9: the mixture of the variational
 * posteriors of K learned pseudo-inputs u_k, {@code p(z) = 1/K sum_k q(z|u_k)}. The pseudo-inputs
 * ({@code prior/pseudo_inputs}, one encoder input each) start at 0.05 plus uniform noise in [-0.01, 0.01], near
 * the initialisation of the authors' code (mean 0.05, standard deviation 0.01), and go through the model's own
 * encoder, whose weights they share, as the Gaussian q(z|u_k) (the base Gaussian, whatever the posterior built
 * on it). Unlike the authors' code they are not clipped to [0, 1], so the prior suits any data. The KL has no
 * closed form: the framework estimates it by Monte Carlo.
 */
final class VampPrior implements Prior {

    private static final double INITIAL_VALUE = 0.05;
    private static final double INITIAL_SPREAD = 0.01;

    private final VampPriorConfig config;

    VampPrior(VampPriorConfig config) {
        this.config = config;
    }

    @Override
    public PriorDensity build(LatentContext context) {
        NetworkBuilder net = context.network();
        int k = config.pseudoInputs();
        SDVariable pseudoInputs = net.variable("pseudo_inputs",
                () -> net.uniform(INITIAL_SPREAD, k, context.encoderInputWidth()).addi(INITIAL_VALUE));
        GaussianPosterior encoded = context.encode(pseudoInputs);
        return new MixturePrior.MixtureDensity(GaussianMixture.uniform(context.sameDiff(), encoded.mean(),
                encoded.logVariance(), k, context.latentDim()));
    }
}
