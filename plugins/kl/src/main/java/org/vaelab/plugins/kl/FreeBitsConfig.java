package org.vaelab.plugins.kl;

import org.vaelab.spi.Param;

/**
 * The free-bits objective of Kingma et al. 2016, one group per latent dimension.
 *
 * @param lambda the KL each latent dimension may use without penalty, in nats
 * @param beta the weight of the penalty
 */
public record FreeBitsConfig(
        @Param(value = "Free nats per latent dimension: a dimension whose batch-mean KL is below lambda is charged "
                + "lambda and gets no gradient from the KL term", defaultValue = "0.5", min = 0)
        double lambda,
        @Param(value = "Weight of the penalty sum_j max(lambda, KL_j)", defaultValue = "1.0", min = 0)
        double beta) {
}
