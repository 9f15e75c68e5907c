package org.vaelab.spi.model;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What an {@link AuxiliaryNetwork} trains on. The framework splits the codes z ~ q(z|x) of a batch
 * in two halves (rows {@code [0, h)} and {@code [n - h, n)} of the {@code n} samples of z,
 * {@code h = max(1, n / 2)}): the first as they are, the second with each latent dimension
 * permuted across its rows, independently per dimension, so that its rows are draws from the
 * product of the marginals {@code prod_j q(z_j)} (permute_dims, Kim and Mnih 2018, Algorithm 1).
 * The permutations come from the run's seeded generator every step, never from a random op in the
 * graph. Both hold the codes constant: the network's loss does not reach the encoder. Since SPI 2.3.
 *
 * @param codes codes of the first half, {@code [h, latentDim]}
 * @param permutedCodes codes of the second half with each dimension permuted, {@code [h, latentDim]}
 * @param output the network's output on {@code codes}
 * @param permutedOutput the network's output on {@code permutedCodes}
 */
public record AuxiliaryTerms(SDVariable codes, SDVariable permutedCodes, SDVariable output,
                             SDVariable permutedOutput) {
}
