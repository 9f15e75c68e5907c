package org.vaelab.plugins.families;

import java.util.Optional;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.model.GenerativeObjective;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The partially importance-weighted autoencoder, PIWAE (Rainforth, Kosiorek, Le, Maddison, Igl,
 * Wood and Teh 2018, "Tighter Variational Bounds are Not Necessarily Better", section 4): from the
 * same M K samples of z per example, the generative network (decoder and prior, theta) minimises
 * the negative of the IWAE bound of all M K samples, {@code log (1/(M K)) sum_mk w_mk} (Burda et
 * al. 2016, eq. 8), and the inference network (encoder and posterior, phi) the negative of the
 * MIWAE bound {@code 1/M sum_m log (1/K) sum_k w_mk} ({@link MiwaeFamily},
 * {@link ImportanceWeightedBound}): theta gains the tighter bound, phi keeps the higher
 * signal-to-noise ratio of its gradient that the paper's section 3 finds to fall as
 * {@code O(sqrt(M / K))}. The split is the SPI's {@link GenerativeObjective}. The IWAE target over
 * all M K samples follows the paper's PIWAE(M, K) and the reference implementation of pythae
 * (Chadebec et al. 2022, {@code pythae/models/piwae/piwae_model.py}, "IWAE loss (K=ML)").
 * M = 1 is IWAE with K samples for both networks. The spec's {@code kl} weighting does not enter
 * either objective. The reported training loss is the encoder's (MIWAE) objective; the decoder's is
 * logged as {@code train/generative_loss}.
 */
final class PiwaeFamily implements ModelFamily {

    /** The inference network's objective and the samples it draws: MIWAE's. */
    private final MiwaeFamily inference;

    PiwaeFamily(MiwaeConfig config) {
        this.inference = new MiwaeFamily(config);
    }

    @Override
    public int samples(int mcSamples) {
        return inference.samples(mcSamples);
    }

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        return inference.objective(sd, terms);
    }

    @Override
    public Optional<GenerativeObjective> generativeObjective() {
        return Optional.of((sd, terms) -> Objective.of(
                ImportanceWeightedBound.perGroup(sd, terms.logWeight(), terms.samples()).mean().neg()));
    }
}
