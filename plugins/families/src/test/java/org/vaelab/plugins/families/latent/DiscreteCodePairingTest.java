package org.vaelab.plugins.families.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.latent.DiagonalGaussianPosterior;
import org.vaelab.spi.latent.Posterior;
import org.vaelab.spi.latent.Prior;
import org.vaelab.spi.latent.StandardNormalPrior;

/**
 * The discrete codes pair only with their own kind ({@code Prior.incompatibility} and {@code
 * Posterior.incompatibility}): the {@code categorical} prior, a density on the probability simplex, with the
 * {@code gumbel_softmax} posterior of the same categories and temperature, and the {@code vq} prior, uniform over
 * the posterior's code book, with the {@code vq} posterior of the same codes and dimension; every continuous
 * partner (N(0, I), a mixture, the Gaussian, planar and IAF flows) and every mismatched one is refused, naming what
 * to use, and the continuous parts pair freely.
 */
class DiscreteCodePairingTest {

    private static final CategoricalCodeConfig CATEGORIES = new CategoricalCodeConfig(10, 0.5);
    private static final VectorQuantiserConfig QUANTISER = new VectorQuantiserConfig(16, 4, 0.25);

    private static final List<Posterior> CONTINUOUS_POSTERIORS = List.of(new DiagonalGaussianPosterior(),
            new PlanarFlowPosterior(new PlanarFlowConfig(2)),
            new InverseAutoregressiveFlowPosterior(new IafConfig(2, 8)));
    private static final List<Prior> CONTINUOUS_PRIORS = List.of(new StandardNormalPrior(),
            new MixturePrior(new MixturePriorConfig(3, false)));

    @Test
    void theCategoricalCodePairsOnlyWithItself() {
        UniformCategoricalPrior prior = new UniformCategoricalPrior(CATEGORIES);
        GumbelSoftmaxPosterior posterior = new GumbelSoftmaxPosterior(CATEGORIES);
        assertEquals(Optional.empty(), prior.incompatibility(posterior));
        assertEquals(Optional.empty(), posterior.incompatibility(prior));
        for (Posterior continuous : CONTINUOUS_POSTERIORS) {
            assertRefused(prior.incompatibility(continuous), "use model.posterior gumbel_softmax");
        }
        for (Prior continuous : CONTINUOUS_PRIORS) {
            assertRefused(posterior.incompatibility(continuous), "needs the categorical prior");
        }
        assertRefused(prior.incompatibility(new GumbelSoftmaxPosterior(new CategoricalCodeConfig(10, 1.0))),
                "temperature (0.5)");
        assertRefused(posterior.incompatibility(new UniformCategoricalPrior(new CategoricalCodeConfig(5, 0.5))),
                "categories (10)");
        assertRefused(prior.incompatibility(new VectorQuantisedPosterior(QUANTISER)), "gumbel_softmax");
    }

    @Test
    void theVectorQuantisedCodePairsOnlyWithItself() {
        UniformCodebookPrior prior = new UniformCodebookPrior(QUANTISER.codebook());
        VectorQuantisedPosterior posterior = new VectorQuantisedPosterior(QUANTISER);
        assertEquals(Optional.empty(), prior.incompatibility(posterior));
        assertEquals(Optional.empty(), posterior.incompatibility(prior));
        assertEquals(Optional.empty(), prior.incompatibility(new VectorQuantisedPosterior(
                new VectorQuantiserConfig(16, 4, 10))), "the commitment weight is the posterior's own");
        for (Posterior continuous : CONTINUOUS_POSTERIORS) {
            assertRefused(prior.incompatibility(continuous), "use model.posterior vq");
        }
        for (Prior continuous : CONTINUOUS_PRIORS) {
            assertRefused(posterior.incompatibility(continuous), "needs the vq prior");
        }
        assertRefused(posterior.incompatibility(new UniformCodebookPrior(new CodebookConfig(32, 4))), "codes (16)");
        assertRefused(posterior.incompatibility(new UniformCategoricalPrior(CATEGORIES)), "needs the vq prior");
    }

    @Test
    void continuousPartsPairFreely() {
        for (Prior prior : CONTINUOUS_PRIORS) {
            for (Posterior posterior : CONTINUOUS_POSTERIORS) {
                assertEquals(Optional.empty(), prior.incompatibility(posterior));
                assertEquals(Optional.empty(), posterior.incompatibility(prior));
            }
        }
    }

    private static void assertRefused(Optional<String> reason, String naming) {
        assertTrue(reason.isPresent(), "refused");
        assertTrue(reason.get().contains(naming), reason.get());
    }
}
