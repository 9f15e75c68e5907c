package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.vaelab.core.spec.Location;
import org.vaelab.core.spec.SpecNode.ScalarNode;
import org.vaelab.core.study.ParzenEstimator.Categorical;
import org.vaelab.core.study.ParzenEstimator.TruncatedGaussians;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al. 2011): its Parzen estimators against
 * integrals and hand computations, its rounds against the rule that a round depends only on the
 * earlier ones, and the search itself against random search on a synthetic objective with a known
 * optimum (no training; fixed seeds, so every run gives the same answer).
 */
class TreeParzenEstimatorTest {

    private static final Location AT = new Location(1, 1, null);
    private static final double LOG_LOW = Math.log(1e-5);
    private static final double LOG_HIGH = Math.log(1e-1);

    @Test
    void aMixtureOfTruncatedGaussiansIntegratesToOneAndItsWholeValuesSumToOne() {
        TruncatedGaussians real = TruncatedGaussians.fit(new double[] {0.05, 0.2, 0.21, 0.9}, 0);
        double integral = new SimpsonIntegrator(1e-10, 1e-10, 3, 20).integrate(1_000_000, real::density, 0, 1);
        assertEquals(1.0, integral, 1e-8);
        TruncatedGaussians whole = TruncatedGaussians.fit(new double[] {0.1, 0.55, 0.6}, 7);
        double sum = 0;
        for (int cell = 0; cell < 7; cell++) {
            sum += whole.density((cell + 0.5) / 7);
        }
        assertEquals(1.0, sum, 1e-12);
        Categorical options = Categorical.fit(new double[] {0.1, 0.1, 0.9}, 4);
        assertEquals(1.0, Arrays.stream(options.probabilities()).sum(), 1e-12);
    }

    /**
     * Two observations, 0.2 and 0.7: sorted with the ends, 0 | 0.2 | 0.7 | 1; the first one's
     * bandwidth is the distance inward, 0.7 - 0.2 = 0.5, the last one's too, 0.5, both above the
     * clip 1 / min(100, 2 + 1) = 1/3; the prior sits at 1/2 with bandwidth 1; each kernel weighs 1/3
     * and is divided by its mass on [0, 1].
     */
    @Test
    void theDensityOfTwoObservationsIsTheHandComputedMixture() {
        TruncatedGaussians estimator = TruncatedGaussians.fit(new double[] {0.2, 0.7}, 0);
        assertArrayEquals(new double[] {0.2, 0.7, 0.5}, estimator.means(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 1.0}, estimator.sigmas(), 1e-15);
        for (double x : new double[] {0.0, 0.4, 0.95}) {
            double expected = (truncated(x, 0.2, 0.5) + truncated(x, 0.7, 0.5) + truncated(x, 0.5, 1.0)) / 3;
            assertEquals(expected, estimator.density(x), 1e-12, "at " + x);
        }
    }

    /**
     * Option 0 observed twice among three: each observation's kernel is (1 + 1/3) / 2 = 2/3 on it and
     * (1/3) / 2 = 1/6 on each other option, the prior 1/3 on each, all three weighing 1/3: option 0
     * has 2/3 * 2/3 + 1/3 * 1/3 = 5/9, the others 2/3 * 1/6 + 1/9 = 2/9.
     */
    @Test
    void theCategoricalEstimatorIsTheObservedCountsWithThePrior() {
        Categorical estimator = Categorical.fit(new double[] {0.1, 0.2}, 3);
        assertArrayEquals(new double[] {5.0 / 9, 2.0 / 9, 2.0 / 9}, estimator.probabilities(), 1e-15);
        assertEquals(5.0 / 9, estimator.density(0.3), 1e-15, "coordinates below 1/3 are option 0");
    }

    @Test
    void olderObservationsWeighLessOnlyBeyondTwentyFive() {
        assertTrue(Arrays.stream(ParzenEstimator.observationWeights(25)).allMatch(w -> w == 1.0));
        double[] weights = ParzenEstimator.observationWeights(30);
        assertEquals(1.0 / 30, weights[0], 1e-15);
        for (int i = 1; i < 30; i++) {
            assertTrue(weights[i] >= weights[i - 1] && weights[i] <= 1.0, "weight " + i);
        }
        assertEquals(1.0, weights[4], 1e-15, "the ramp ends at 1");
    }

    @Test
    void aRoundIsProposedOnlyWhenEveryEarlierPointEndedAndDependsOnlyOnThem() {
        ModelSearch search = search(8, 4, 2, 3);
        assertEquals(4, search.points().size(), "the startup points");
        List<Double> values = new ArrayList<>(Arrays.asList(-1.0, -2.0, null, -0.5));
        assertEquals(4, search.proposed(values).points().size(), "a startup trial has not ended");
        values.set(2, Double.NaN);
        ModelSearch next = search.proposed(values);
        assertEquals(6, next.points().size(), "one round of two; a failed trial ends without a value");
        values.addAll(Arrays.asList(-3.0, null));
        assertEquals(6, next.proposed(values).points().size(), "the round's second trial has not ended");
        values.set(5, -0.25);
        ModelSearch third = next.proposed(values);
        assertEquals(8, third.points().size());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(next.points().get(i), third.points().get(i), 0.0, "point " + i + " stays");
        }
        ModelSearch again = search(8, 4, 2, 3).proposed(values.subList(0, 4)).proposed(values);
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(third.points().get(i), again.points().get(i), 0.0, "the same values give point " + i);
        }
    }

    /**
     * On -(x - 0.3)^2 - (log lr + 7)^2, x uniform on [0, 1) and lr log-uniform on [1e-5, 1e-1), the
     * best of 40 TPE trials (10 of them random) beats the best of 40 random trials for most of 20
     * seeds, and is on average less than 0.6 times as far from the optimum: the paper's claim
     * (section 5) that TPE finds better points than random search with the same budget. (Here: 16 of
     * 20, and 0.033 against 0.094.)
     */
    @Test
    void tpeFindsABetterBestValueThanRandomSearchWithTheSameBudget() {
        ToDoubleFunction<double[]> objective = point -> -Math.pow(point[0] - 0.3, 2)
                - Math.pow(LOG_LOW + point[1] * (LOG_HIGH - LOG_LOW) + 7, 2);
        int wins = 0;
        double tpeTotal = 0;
        double randomTotal = 0;
        for (long seed = 1; seed <= 20; seed++) {
            ModelSearch search = search(40, 10, 1, seed);
            while (!search.complete()) {
                search = search.proposed(search.points().stream().map(objective::applyAsDouble).toList());
            }
            double tpe = search.points().stream().mapToDouble(objective).max().orElseThrow();
            double random = Arrays.stream(new SearchSettings(SearchSettings.Method.RANDOM, 40, seed).points(2))
                    .mapToDouble(objective).max().orElseThrow();
            wins += tpe > random ? 1 : 0;
            tpeTotal += tpe;
            randomTotal += random;
        }
        assertTrue(wins >= 13, "TPE beat random search for " + wins + " of 20 seeds");
        assertTrue(-tpeTotal < 0.6 * -randomTotal, "mean distance of the best value from the optimum, 0: TPE "
                + -tpeTotal / 20 + ", random " + -randomTotal / 20);
    }

    /**
     * A choice between a constant and an option with a drawn key (a conditional key): the key's
     * coordinate is active only where its option was chosen, and on an objective that is best in that
     * option near 0.8, TPE's proposals after the startup trials choose the option far more often
     * than the half a random search would, and put the key nearer 0.8 than random draws do.
     */
    @Test
    void aConditionalKeyIsModelledOnlyWhereItsOptionWasChosen() {
        SpaceTemplate choice = new SpaceTemplate.Choice(List.of(new SpaceTemplate.Constant(new ScalarNode(AT,
                "plain", ScalarNode.Kind.STRING)), new SpaceTemplate.Uniform(AT, 0, 1)));
        SpaceCoordinates coordinates = new SpaceCoordinates(List.of(choice));
        assertEquals(List.of(SpaceCoordinates.Kind.CHOICE, SpaceCoordinates.Kind.REAL),
                coordinates.list().stream().map(SpaceCoordinates.Coordinate::kind).toList());
        assertArrayEquals(new boolean[] {true, false}, coordinates.active(new double[] {0.3, 0.8}));
        assertArrayEquals(new boolean[] {true, true}, coordinates.active(new double[] {0.7, 0.8}));
        ToDoubleFunction<double[]> objective = point -> point[0] < 0.5 ? -0.5 : -Math.abs(point[1] - 0.8);
        SearchSettings settings = new SearchSettings(SearchSettings.Method.TPE, 40, 3, 10, 24, 0.25, 1);
        ModelSearch search = ModelSearch.start(settings, Map.of("likelihood", choice), List.of(AT), "{}");
        while (!search.complete()) {
            search = search.proposed(search.points().stream().map(objective::applyAsDouble).toList());
        }
        List<double[]> proposed = search.points().subList(10, 40);
        long chosen = proposed.stream().filter(point -> point[0] >= 0.5).count();
        assertTrue(chosen >= 24, "the option was proposed " + chosen + " times of 30");
        double distance = proposed.stream().filter(point -> point[0] >= 0.5)
                .mapToDouble(point -> Math.abs(point[1] - 0.8)).average().orElseThrow();
        assertTrue(distance < 0.25, "mean distance to 0.8 " + distance + "; a uniform draw's is 0.34");
    }

    /**
     * A whole number's coordinate is proposed at the centre of a value's cell, so it draws that value
     * whatever rounding; a range wider than an int counts is modelled in that many cells.
     */
    @Test
    void wholeNumbersAreProposedAtTheirCellsCentres() {
        SpaceTemplate range = new SpaceTemplate.IntRange(AT, 2, 5);
        SpaceCoordinates coordinates = new SpaceCoordinates(List.of(range));
        assertEquals(4, coordinates.list().get(0).values());
        TreeParzenProposer proposer = new TreeParzenProposer(coordinates, 24, 0.25);
        List<TreeParzenProposer.Observation> observations = List.of(new TreeParzenProposer.Observation(
                new double[] {0.1}, -1), new TreeParzenProposer.Observation(new double[] {0.9}, 0));
        for (int seed = 0; seed < 20; seed++) {
            double cell = proposer.propose(observations, new MersenneTwister(seed))[0] * 4 - 0.5;
            assertEquals(Math.rint(cell), cell, 1e-12, "a cell's centre");
        }
        assertEquals(Integer.MAX_VALUE, new SpaceCoordinates(List.of(new SpaceTemplate.IntRange(AT, 0,
                10_000_000_000L))).list().get(0).values());
    }

    private static ModelSearch search(int trials, int startup, int batch, long seed) {
        Map<String, SpaceTemplate> templates = new LinkedHashMap<>();
        templates.put("x", new SpaceTemplate.Uniform(AT, 0, 1));
        templates.put("optimizer.lr", new SpaceTemplate.LogUniform(AT, 1e-5, 1e-1));
        SearchSettings settings = new SearchSettings(SearchSettings.Method.TPE, trials, seed, startup, 24, 0.25,
                batch);
        return ModelSearch.start(settings, templates, List.of(AT, AT), "{}");
    }

    /** The density at {@code x} of a Gaussian of {@code mean} and {@code sigma} truncated to [0, 1]. */
    private static double truncated(double x, double mean, double sigma) {
        double mass = 0.5 * (Erf.erf((1 - mean) / (sigma * Math.sqrt(2))) - Erf.erf(-mean / (sigma * Math.sqrt(2))));
        return Math.exp(-0.5 * Math.pow((x - mean) / sigma, 2)) / (sigma * Math.sqrt(2 * Math.PI)) / mass;
    }
}
