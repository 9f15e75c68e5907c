package org.vaelab.plugins.families.latent;

import java.util.List;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;
import org.vaelab.spi.nn.Activation;

/**
 * The second stochastic layer of a VAE with two (Burda, Grosse and Salakhutdinov 2016, section 5): z = [z1, z2],
 * {@code top} the width of z2, and the MLP that gives a diagonal Gaussian over one layer from the other (p(z1|z2) in
 * the prior, q(z2|z1) in the posterior; Burda et al. use two tanh layers of 50 units in each). Give the prior and the
 * posterior the same block.
 */
public record StochasticLayersConfig(
        @Param(value = "Width of z2, the top layer; z1 is the first latent_dim - top columns of z", min = 1)
        int top,
        @Param(value = "Hidden layers of the MLP between the layers", defaultValue = "[50, 50]")
        List<Integer> hidden,
        @Param(value = "Activation of the hidden layers", defaultValue = "tanh")
        Activation activation) {

    public StochasticLayersConfig {
        hidden = List.copyOf(hidden);
        if (hidden.stream().anyMatch(width -> width < 1)) {
            throw new InvalidConfigException("hidden", "every hidden layer needs at least one unit, found " + hidden);
        }
    }
}
