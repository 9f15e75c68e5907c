package org.vaelab.plugins.families;

import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The multiply importance-weighted autoencoder, MIWAE (Rainforth, Kosiorek, Le, Maddison, Igl,
 * Wood and Teh 2018, "Tighter Variational Bounds are Not Necessarily Better", section 4): minimise
 * the negative of {@code 1/M sum_m log (1/K sum_k w_mk)}, the mean of M independent K-sample
 * importance-weighted bounds ({@link ImportanceWeightedBound}), which is the estimator
 * {@code Delta_{M,K}} of their section 2 used as the objective of both networks. M = 1 is IWAE and
 * K = 1 the ELBO with M samples: for a fixed budget M K, a larger M raises the signal-to-noise
 * ratio of the encoder's gradient, which their section 3 shows to fall as {@code O(sqrt(M / K))}, at
 * the price of a looser bound. The
 * spec's {@code kl} weighting does not enter the objective.
 */
final class MiwaeFamily implements ModelFamily {

    private final MiwaeConfig config;

    MiwaeFamily(MiwaeConfig config) {
        this.config = config;
    }

    @Override
    public int samples(int mcSamples) {
        return config.groups() * config.samples();
    }

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        return Objective.of(ImportanceWeightedBound.perGroup(sd, terms.logWeight(), config.samples()).mean().neg());
    }
}
