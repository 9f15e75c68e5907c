package org.vaelab.spi.nn;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.data.DataShape;

/** Builds the generative network: from latent codes to the likelihood's parameters. */
public interface Decoder {

    /**
     * Adds the decoder to the graph.
     *
     * @param net where to add layers
     * @param z latent codes, {@code [batch, latentDim]}
     * @param latentDim the size of z
     * @param shape the shape of one example
     * @param parametersPerValue how many likelihood parameters each data value needs
     * @return {@code [batch, parametersPerValue * shape.size()]}: parameter block {@code p} of
     *     value {@code i} at column {@code p * shape.size() + i}
     */
    SDVariable decode(NetworkBuilder net, SDVariable z, int latentDim, DataShape shape, int parametersPerValue);

    /**
     * The number of values in each array of parameters {@link #decode} would add, counted in long
     * arithmetic without building anything, as {@link Encoder#parameterArrays}; empty (the default)
     * when the decoder does not count them. Since SPI 1.2.
     */
    default List<Long> parameterArrays(int latentDim, DataShape shape, int parametersPerValue) {
        return List.of();
    }
}
