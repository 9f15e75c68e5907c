package org.vaelab.spi.latent;

import java.util.Objects;

/**
 * One stochastic layer of z, a block of its columns, for a posterior over several layers
 * ({@link Posterior#layers}): z1 and z2 of the VAE with two stochastic layers of Burda, Grosse and
 * Salakhutdinov 2016 (section 5). Since SPI 2.4.
 *
 * @param name the layer's name in metrics ({@code test/active_units/NAME}) and tables: letters, digits and
 *     underscores
 * @param width how many columns of z the layer holds, at least 1
 */
public record StochasticLayer(String name, int width) {

    public StochasticLayer {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("a stochastic layer's name has letters, digits and underscores only,"
                    + " found '" + name + "'");
        }
        if (width < 1) {
            throw new IllegalArgumentException("stochastic layer " + name + " needs at least one column, found "
                    + width);
        }
    }
}
