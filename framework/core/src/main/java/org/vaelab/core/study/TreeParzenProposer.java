package org.vaelab.core.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Proposes the next point of a search's unit cube by the Tree-structured Parzen Estimator
 * (Bergstra, Bardenet, Bengio and Kegl 2011, "Algorithms for Hyper-Parameter Optimization",
 * section 4): the observations are split into the best {@code gamma} fraction, {@code ceil(gamma n)}
 * of them (the paper's quantile y*, section 4.1), and the rest; each coordinate gets a
 * {@link ParzenEstimator} l(x) of the best and g(x) of the rest, each over the observations where
 * the coordinate is active (a conditional key only where its option was chosen, the paper's tree);
 * {@code candidates} draws from l(x) are scored by l(x)/g(x), which expected improvement is
 * increasing in (section 4.1, equation 6), and the best is proposed. Coordinates are proposed one
 * by one, as hyperopt and Optuna's default (univariate) sampler do.
 */
final class TreeParzenProposer {

    /**
     * A point whose trial ended with a value.
     *
     * @param point the point's coordinates
     * @param value the objective, higher being better
     */
    record Observation(double[] point, double value) {
    }

    private final SpaceCoordinates space;
    private final int candidates;
    private final double gamma;

    TreeParzenProposer(SpaceCoordinates space, int candidates, double gamma) {
        this.space = space;
        this.candidates = candidates;
        this.gamma = gamma;
    }

    /** The point proposed from {@code observations} (in trial order), drawn with {@code random}. */
    double[] propose(List<Observation> observations, RandomGenerator random) {
        int n = observations.size();
        int best = (int) Math.min(n, Math.ceil(gamma * n));
        List<Integer> ranked = IntStream.range(0, n).boxed().sorted(Comparator
                .comparingDouble((Integer i) -> -observations.get(i).value()).thenComparing(i -> i)).toList();
        boolean[] good = new boolean[n];
        ranked.subList(0, best).forEach(i -> good[i] = true);
        List<boolean[]> active = observations.stream().map(o -> space.active(o.point())).toList();
        List<SpaceCoordinates.Coordinate> coordinates = space.list();
        double[] point = new double[coordinates.size()];
        for (int d = 0; d < point.length; d++) {
            List<Double> lower = new ArrayList<>();
            List<Double> upper = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (active.get(i)[d]) {
                    (good[i] ? lower : upper).add(observations.get(i).point()[d]);
                }
            }
            ParzenEstimator l = fit(coordinates.get(d), lower);
            ParzenEstimator g = fit(coordinates.get(d), upper);
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates; c++) {
                double x = l.sample(random);
                double score = Math.log(l.density(x) + ParzenEstimator.EPS) - Math.log(g.density(x)
                        + ParzenEstimator.EPS);
                if (score > bestScore) {
                    bestScore = score;
                    point[d] = x;
                }
            }
        }
        return point;
    }

    private static ParzenEstimator fit(SpaceCoordinates.Coordinate coordinate, List<Double> observed) {
        double[] values = observed.stream().mapToDouble(Double::doubleValue).toArray();
        return switch (coordinate.kind()) {
            case CHOICE -> ParzenEstimator.Categorical.fit(values, coordinate.values());
            case WHOLE -> ParzenEstimator.TruncatedGaussians.fit(values, coordinate.values());
            case REAL -> ParzenEstimator.TruncatedGaussians.fit(values, 0);
        };
    }
}
