package org.vaelab.plugins.families;

import java.util.Map;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.learning.config.Adam;
import org.vaelab.spi.model.AuxiliaryNetwork;
import org.vaelab.spi.model.AuxiliaryTerms;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.nn.NetworkBuilder;
import org.vaelab.spi.optim.Optimizer;

/**
 * FactorVAE's discriminator (Kim and Mnih 2018, "Disentangling by Factorising", section 3): an MLP
 * of leaky-ReLU layers (slope 0.2) whose output is the logit {@code l(z) = log(D(z) / (1 - D(z)))},
 * D(z) the probability that z was drawn from q(z) rather than from the product of its marginals.
 * It is trained (Algorithm 2) on the cross-entropy
 * {@code -1/2 (mean log D(z) + mean log(1 - D(z~)))}, z codes of the batch and z~ codes with each
 * dimension permuted across another half of it, written stably as
 * {@code 1/2 (mean softplus(-l(z)) + mean softplus(l(z~)))}. The density-ratio trick makes
 * {@code E[l(z)]} an estimate of the total correlation {@code KL(q(z) || prod_j q(z_j))} (eq. 3),
 * logged as {@code tc_estimate}, and the VAE's loss adds {@code gamma E[l(z)]}. The discriminator's
 * accuracy on the two halves (the fraction of codes with {@code l > 0}, of permuted ones with
 * {@code l < 0}) is logged as {@code discriminator_accuracy}.
 */
final class TotalCorrelationDiscriminator implements AuxiliaryNetwork {

    private static final double LEAKY_SLOPE = 0.2;
    private static final double ADAM_EPSILON = 1e-8;

    private final FactorVaeConfig config;

    TotalCorrelationDiscriminator(FactorVaeConfig config) {
        this.config = config;
    }

    @Override
    public String scope() {
        return "discriminator";
    }

    @Override
    public Optimizer optimizer() {
        return horizon -> new Adam(config.discriminatorLr(), config.discriminatorBeta1(), config.discriminatorBeta2(),
                ADAM_EPSILON);
    }

    @Override
    public SDVariable apply(NetworkBuilder network, SDVariable codes, int latentDim) {
        SDVariable h = codes;
        int width = latentDim;
        for (int layer = 0; layer < config.discriminatorDepth(); layer++) {
            h = network.sameDiff().nn().leakyRelu(network.dense("hidden" + layer, h, width,
                    config.discriminatorWidth()), LEAKY_SLOPE);
            width = config.discriminatorWidth();
        }
        return network.dense("logit", h, width, 1);
    }

    @Override
    public Objective objective(SameDiff sd, AuxiliaryTerms terms) {
        SDVariable joint = terms.output();
        SDVariable product = terms.permutedOutput();
        SDVariable loss = sd.nn().softplus(joint.neg()).mean().add(sd.nn().softplus(product).mean()).mul(0.5);
        SDVariable accuracy = sd.math().step(joint, 0.0).mean().add(sd.math().step(product.neg(), 0.0).mean())
                .mul(0.5);
        return new Objective(loss, Map.of("tc_estimate", joint.mean(), "discriminator_accuracy", accuracy));
    }

    /** {@code gamma E[l(z)]} over the model's codes, the total-correlation penalty of eq. 2. */
    @Override
    public Optional<SDVariable> modelLoss(SameDiff sd, SDVariable output) {
        return Optional.of(output.mean().mul(config.gamma()));
    }
}
