package org.vaelab.spi.latent;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.nn.GaussianPosterior;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * What the framework gives a {@link Prior} or {@link Posterior} that adds itself to a model's graph.
 * Since SPI 2.1.
 */
public interface LatentContext {

    /** The graph. */
    SameDiff sameDiff();

    /** The size of z. */
    int latentDim();

    /**
     * Where to create the component's own trainable variables ({@link NetworkBuilder#variable}),
     * under its own name scope ({@code prior} or {@code posterior}), initial values drawn from the
     * run's generator.
     */
    NetworkBuilder network();

    /** The width of one encoder input: an example, with its one-hot label for a conditional model. */
    int encoderInputWidth();

    /**
     * The model's encoder applied to {@code inputs}, {@code [rows, encoderInputWidth()]}, with the
     * encoder's own weights (shared, not copied: gradients reach them), without dropout.
     */
    GaussianPosterior encode(SDVariable inputs);
}
