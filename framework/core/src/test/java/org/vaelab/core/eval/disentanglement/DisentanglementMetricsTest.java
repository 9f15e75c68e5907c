package org.vaelab.core.eval.disentanglement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each metric on codes whose answer is known by construction ({@link ConstructedCodes}): near its
 * maximum on codes equal to the factors, near its minimum on noise, lower when two factors share
 * dimensions, and unchanged by permuting and rescaling dimensions where the metric promises it.
 */
class DisentanglementMetricsTest {

    /** Smaller samples than disentanglement_lib's, enough for these three-factor pools. */
    private static final DisentanglementOptions OPTIONS = new DisentanglementOptions(2000, 1000, 64, 2000, 20, 5, 3);

    @Test
    void migIsOneForTheFactorsZeroForNoiseAndDropsWhenFactorsMix() {
        double factors = MutualInformationGap.of(ConstructedCodes.factors(), OPTIONS);
        double noise = MutualInformationGap.of(ConstructedCodes.noise(), OPTIONS);
        double mixed = MutualInformationGap.of(ConstructedCodes.mixed(), OPTIONS);
        assertEquals(1, factors, 0.02);
        assertEquals(0, noise, 0.02);
        // the third factor keeps its gap of 1; the mixed two have two dimensions sharing their information
        assertTrue(mixed < 0.6 && mixed > 0.3, "MIG of mixed codes " + mixed);
    }

    @Test
    void migIgnoresTheOrderAndScaleOfDimensions() {
        FactorCodes mixed = ConstructedCodes.mixed();
        assertEquals(MutualInformationGap.of(mixed, OPTIONS),
                MutualInformationGap.of(ConstructedCodes.permutedAndRescaled(mixed), OPTIONS), 1e-9);
    }

    @Test
    void discretisationFollowsNumpysHistogramEdges() {
        // edges 0, 2.5, 5, 7.5 for four bins over [0, 10]: a value on an edge belongs to the bin it opens
        assertEquals(List.of(0, 0, 1, 1, 2, 3, 3),
                Arrays.stream(MutualInformationGap.discretise(new double[] {0, 2.4, 2.5, 4, 5, 7.5, 10}, 4))
                        .boxed().toList());
    }

    @Test
    void factorVaeScoreIsOneForTheFactorsAndChanceForNoise() {
        assertEquals(1, FactorVaeScore.of(ConstructedCodes.factors(), OPTIONS), 1e-12);
        assertEquals(1.0 / 3, FactorVaeScore.of(ConstructedCodes.noise(), OPTIONS), 0.1);
    }

    @Test
    void factorVaeScoreIgnoresTheOrderAndScaleOfDimensions() {
        FactorCodes mixed = ConstructedCodes.mixed();
        assertEquals(FactorVaeScore.of(mixed, OPTIONS),
                FactorVaeScore.of(ConstructedCodes.permutedAndRescaled(mixed), OPTIONS), 1e-12);
    }

    @Test
    void betaVaeScoreIsHighForTheFactorsAndChanceForNoise() {
        assertTrue(BetaVaeScore.of(ConstructedCodes.factors(), OPTIONS) > 0.95);
        assertEquals(1.0 / 3, BetaVaeScore.of(ConstructedCodes.noise(), OPTIONS), 0.1);
    }

    @Test
    void sapSeparatesTheFactorsAndNotNoise() {
        double factors = SapScore.of(ConstructedCodes.factors(), OPTIONS);
        double noise = SapScore.of(ConstructedCodes.noise(), OPTIONS);
        // a linear classifier of one dimension tells the extreme values of a factor from the rest but hardly the
        // middle ones, so even codes equal to the factors score far below 1 (as with disentanglement_lib's LinearSVC)
        assertTrue(factors > noise + 0.15, "SAP of the factors " + factors + ", of noise " + noise);
        assertEquals(0, noise, 0.05);
    }

    @Test
    void dciIsHighForTheFactorsLowForNoiseAndDropsWhenFactorsMix() {
        DciScores factors = DciScores.of(ConstructedCodes.factors(), OPTIONS);
        DciScores noise = DciScores.of(ConstructedCodes.noise(), OPTIONS);
        DciScores mixed = DciScores.of(ConstructedCodes.mixed(), OPTIONS);
        assertTrue(factors.disentanglement() > 0.9, "disentanglement of the factors " + factors);
        assertTrue(factors.completeness() > 0.9, "completeness of the factors " + factors);
        assertEquals(1, factors.informativenessTest(), 1e-12);
        assertTrue(noise.disentanglement() < 0.2, "disentanglement of noise " + noise);
        assertTrue(noise.informativenessTest() < 0.35, "informativeness of noise " + noise);
        assertTrue(mixed.disentanglement() < factors.disentanglement() - 0.2,
                "mixed " + mixed + ", factors " + factors);
    }

    @Test
    void dciOfAnImportanceMatrixByHand() {
        // one dimension per factor: entropies 0, both scores 1 (up to the 1e-11 disentanglement_lib adds)
        DciScores diagonal = DciScores.of(new double[][] {{1, 0}, {0, 1}}, 1, 1);
        assertEquals(1, diagonal.disentanglement(), 1e-9);
        assertEquals(1, diagonal.completeness(), 1e-9);
        // one dimension split evenly between two factors, the other unused: disentanglement 0, completeness 1
        DciScores shared = DciScores.of(new double[][] {{0.5, 0.5}, {0, 0}}, 1, 1);
        assertEquals(0, shared.disentanglement(), 1e-9);
        assertEquals(1, shared.completeness(), 1e-9);
    }

    @Test
    void gaussianTotalCorrelationOfAHandComputedCovariance() {
        // mean 0; unbiased covariance [[4/3, 2/3], [2/3, 2/3]], det 4/9:
        // TC = 1/2 (log 4/3 + log 2/3 - log 4/9) = 1/2 log 2
        double[][] codes = {{1, 1}, {-1, -1}, {1, 0}, {-1, 0}};
        assertEquals(0.5 * Math.log(2), GaussianTotalCorrelation.ofCodes(codes), 1e-12);
        double[][] uncorrelated = {{1, 1}, {-1, -1}, {1, -1}, {-1, 1}};
        assertEquals(0, GaussianTotalCorrelation.ofCodes(uncorrelated), 1e-12);
        FactorCodes mixed = ConstructedCodes.mixed();
        assertEquals(GaussianTotalCorrelation.of(mixed, OPTIONS),
                GaussianTotalCorrelation.of(ConstructedCodes.permutedAndRescaled(mixed), OPTIONS), 1e-9);
    }
}
