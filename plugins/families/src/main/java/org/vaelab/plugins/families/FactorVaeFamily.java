package org.vaelab.plugins.families;

import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.model.AuxiliaryNetwork;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * FactorVAE (Kim and Mnih 2018, "Disentangling by Factorising"): the VAE's objective plus
 * {@code gamma KL(q(z) || prod_j q(z_j))}, the total correlation of the aggregate posterior (eq. 2),
 * estimated by a discriminator trained beside the VAE with its own Adam (Algorithm 2,
 * {@link TotalCorrelationDiscriminator}). The VAE's part is the plain VAE's
 * {@code -mean(E_q[log p(x|z)])} plus the KL schedule's penalty (the ELBO for the default
 * {@code kl: {type: beta, beta: 1}}); the framework adds the discriminator's {@code gamma E[l(z)]}.
 * The family uses one sample of z per example.
 */
final class FactorVaeFamily implements ModelFamily {

    private final TotalCorrelationDiscriminator discriminator;

    FactorVaeFamily(FactorVaeConfig config) {
        this.discriminator = new TotalCorrelationDiscriminator(config);
    }

    @Override
    public int samples(int mcSamples) {
        return 1;
    }

    @Override
    public List<AuxiliaryNetwork> auxiliaryNetworks() {
        return List.of(discriminator);
    }

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        return Objective.of(terms.logPx().mean().neg().add(terms.klPenalty()));
    }
}
