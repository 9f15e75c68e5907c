package org.vaelab.spi.nn;

import java.util.List;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.data.DataShape;

/** Builds the inference network q(z|x): from a batch of inputs to Gaussian parameters. */
public interface Encoder {

    /**
     * Adds the encoder to the graph.
     *
     * @param net where to add layers; names are scoped so encoder and decoder never clash
     * @param x the inputs, {@code [batch, shape.size()]}, flattened row-major
     * @param shape the shape of one example
     * @param latentDim the size of z
     * @return mean and log-variance, each {@code [batch, latentDim]}
     */
    GaussianPosterior encode(NetworkBuilder net, SDVariable x, DataShape shape, int latentDim);

    /**
     * Why this encoder cannot take examples of this shape, if it cannot (a convolutional encoder
     * needs images; a conditional model gives the encoder each example with its one-hot label
     * attached as {@link #labelInput} says, by default appended, a vector). Since SPI 1.1.
     */
    default Optional<String> incompatibility(DataShape shape) {
        return Optional.empty();
    }

    /**
     * How this encoder takes the one-hot label of a conditional model ({@code ModelFamily.conditioning}): appended to
     * the flattened example (the default), or, for an encoder of images, as constant channels. {@link #encode},
     * {@link #incompatibility} and {@link #parameterArrays} are then given the shape of the labelled input. Since
     * SPI 2.3.
     */
    default LabelInput labelInput() {
        return LabelInput.APPENDED;
    }

    /**
     * The number of values in each array of parameters {@link #encode} would add for examples of
     * {@code shape} and a z of {@code latentDim}, counted in long arithmetic without building
     * anything, so that a model too large to hold is refused before it is built; empty (the
     * default) when the encoder does not count them. Since SPI 1.2.
     */
    default List<Long> parameterArrays(DataShape shape, int latentDim) {
        return List.of();
    }
}
