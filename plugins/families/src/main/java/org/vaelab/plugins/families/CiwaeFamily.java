package org.vaelab.plugins.families;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The combination importance-weighted autoencoder, CIWAE (Rainforth et al. 2018, "Tighter
 * Variational Bounds are Not Necessarily Better", section 4): minimise the negative of
 * {@code beta ELBO + (1 - beta) IWAE_K}, both from the same K samples of z: the ELBO as
 * {@code 1/K sum_k log w_k}, the IWAE bound as {@code log (1/K) sum_k w_k} (Burda et al. 2016,
 * eq. 8; {@link ImportanceWeightedBound}). beta = 0 is IWAE, beta = 1 the ELBO with K samples; in
 * between, the ELBO's term keeps the encoder's gradient from vanishing as K grows. The spec's
 * {@code kl} weighting does not enter the objective.
 */
final class CiwaeFamily implements ModelFamily {

    private final CiwaeConfig config;

    CiwaeFamily(CiwaeConfig config) {
        this.config = config;
    }

    @Override
    public int samples(int mcSamples) {
        return config.samples();
    }

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        SDVariable elbo = terms.logWeight().mean();
        SDVariable iwae = ImportanceWeightedBound.perGroup(sd, terms.logWeight(), terms.samples()).mean();
        return Objective.of(elbo.mul(config.beta()).add(iwae.mul(1 - config.beta())).neg());
    }
}
