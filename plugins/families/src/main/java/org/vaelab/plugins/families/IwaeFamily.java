package org.vaelab.plugins.families;

import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The importance-weighted autoencoder of Burda, Grosse and Salakhutdinov 2016: minimise the
 * negative of the k-sample bound (eq. 8)
 * {@code L_k = E[log (1/k) sum_i w_i]}, {@code w_i = p(x, z_i) / q(z_i|x)}, computed stably
 * ({@link ImportanceWeightedBound}). {@code L_1} is
 * the ELBO and {@code L_k} tightens towards log p(x) as k grows. The KL weighting of the spec does
 * not enter this objective (the bound has no separate KL term); the reported ELBO, its terms and
 * the importance-weighted test log-likelihood are measured as for every family.
 */
final class IwaeFamily implements ModelFamily {

    private final int samples;

    IwaeFamily(int samples) {
        this.samples = samples;
    }

    @Override
    public int samples(int mcSamples) {
        return samples;
    }

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        return Objective.of(ImportanceWeightedBound.perGroup(sd, terms.logWeight(), terms.samples()).mean().neg());
    }
}
