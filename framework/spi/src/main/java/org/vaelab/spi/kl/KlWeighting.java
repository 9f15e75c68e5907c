package org.vaelab.spi.kl;

/**
 * The KL penalty at one training step: {@code weight * |KL - capacity|}, where KL is the batch
 * mean of KL(q(z|x) || N(0, I)). A capacity of 0 gives the beta-VAE penalty {@code weight * KL}
 * (Higgins et al. 2017); a growing capacity gives the controlled-capacity objective of
 * Burgess et al. 2018, "Understanding disentangling in beta-VAE", equation 8.
 *
 * @param weight the multiplier (beta or gamma), at least 0
 * @param capacity the target KL C in nats, at least 0
 */
public record KlWeighting(double weight, double capacity) {

    public KlWeighting {
        if (!(weight >= 0) || !(capacity >= 0)) {
            throw new IllegalArgumentException("weight and capacity must be >= 0, got " + weight + ", " + capacity);
        }
    }
}
