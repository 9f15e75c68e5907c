package org.vaelab.spi.likelihood;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.data.DataShape;

/**
 * The observation model p(x|z). Log-likelihoods are in nats per example, summed over every data
 * value, with all normalising constants, so ELBOs of different likelihoods on the same data are
 * honest numbers.
 */
public interface Likelihood {

    /** How many decoder outputs each data value needs (1 for Bernoulli logits, 2 for mean and log-variance). */
    int parametersPerValue();

    /**
     * log p(x | params) per example.
     *
     * @param x data, {@code [batch, D]}
     * @param params decoder outputs, {@code [batch, parametersPerValue() * D]}
     * @return {@code [batch]}, nats
     */
    SDVariable logProbability(SameDiff sd, SDVariable x, SDVariable params);

    /** The mean of p(x | params), {@code [batch, D]}, for reconstructions and samples. */
    SDVariable mean(SameDiff sd, SDVariable params);

    /** Why this likelihood cannot model data of this shape, if it cannot. */
    default Optional<String> incompatibility(DataShape shape) {
        return Optional.empty();
    }
}
