package org.vaelab.plugins.families;

import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The VAE of Kingma and Welling 2014: minimise {@code -mean(E_q[log p(x|z)])} plus the KL
 * schedule's penalty, which for {@code kl: {type: beta, beta: 1}} makes the loss the negative
 * ELBO, and otherwise the beta-VAE (Higgins et al. 2017) or capacity objective (Burgess et al. 2018).
 */
final class VaeFamily implements ModelFamily {

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        return Objective.of(terms.logPx().mean().neg().add(terms.klPenalty()));
    }
}
