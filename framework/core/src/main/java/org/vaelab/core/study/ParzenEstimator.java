package org.vaelab.core.study;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Parzen estimator (a kernel density) of one coordinate of a search's unit cube, the building
 * block of the Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio and Kegl 2011,
 * "Algorithms for Hyper-Parameter Optimization", section 4): fitted to the coordinates of some
 * trials, with a prior kernel over the whole range as one more observation. Coordinates are those
 * a {@link SpaceTemplate} draws from, so a Gaussian kernel on a log-uniform key's coordinate is a
 * Gaussian in log space, as the paper asks.
 */
sealed interface ParzenEstimator {

    /** The weight of the prior kernel, one observation's worth: Optuna's {@code prior_weight} default. */
    double PRIOR_WEIGHT = 1.0;

    /** Optuna's floor under a density before its logarithm is taken, so an empty region is unlikely, not impossible. */
    double EPS = 1e-12;

    /** A coordinate drawn from the estimator. */
    double sample(RandomGenerator random);

    /**
     * The density at {@code x}: per unit of the coordinate for a continuous one, the probability of
     * {@code x}'s cell or category for a discrete one.
     */
    double density(double x);

    /**
     * Optuna's weights of {@code n} observations in trial order (its {@code default_weights}, after
     * hyperopt's linear forgetting): all 1 up to 25, else the 25 newest 1 and the older ones ramping
     * up linearly from 1/n.
     */
    static double[] observationWeights(int n) {
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        int ramp = n - 25;
        for (int i = 0; i < ramp; i++) {
            weights[i] = ramp == 1 ? 1.0 / n : 1.0 / n + i * (1.0 - 1.0 / n) / (ramp - 1);
        }
        return weights;
    }

    /**
     * A mixture of Gaussians truncated to {@code [0, 1]}, one on each observation and one, the prior,
     * with mean 1/2 and standard deviation 1 (the paper's section 4.1; hyperopt's and Optuna's
     * univariate rules). An observation's standard deviation is the larger distance to its neighbours
     * among the sorted observations and the ends 0 and 1, the first and last one's taken inward only
     * (Optuna's {@code consider_endpoints=False}), clipped to {@code [1 / min(100, n + 1), 1]}
     * (hyperopt's "magic clip"). With {@code cells > 0} the coordinate is a whole number's, cell
     * {@code k} being {@code [k, k+1) / cells}: observations sit at their cells' centres and a cell's
     * probability is the mixture's mass over it (Optuna's rounding of an integer range widened by half
     * a step on each side).
     *
     * @param means the kernels' centres, the prior's last
     * @param sigmas their standard deviations
     * @param weights their weights, summing to 1
     * @param cells the number of whole values, or 0 for a continuous coordinate
     */
    record TruncatedGaussians(double[] means, double[] sigmas, double[] weights, int cells)
            implements ParzenEstimator {

        private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

        /** The estimator of {@code observations} in trial order. */
        static TruncatedGaussians fit(double[] observations, int cells) {
            int n = observations.length;
            double[] means = new double[n + 1];
            for (int i = 0; i < n; i++) {
                means[i] = cells > 0 ? (Math.min(cells - 1, Math.floor(observations[i] * cells)) + 0.5) / cells
                        : observations[i];
            }
            double[] sigmas = new double[n + 1];
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Double.compare(means[a], means[b]));
            double minSigma = 1.0 / Math.min(100.0, 1.0 + n);
            for (int rank = 0; rank < n; rank++) {
                double left = rank == 0 ? 0.0 : means[order[rank - 1]];
                double right = rank == n - 1 ? 1.0 : means[order[rank + 1]];
                double at = means[order[rank]];
                double sigma = Math.max(at - left, right - at);
                if (n >= 2 && rank == 0) {
                    sigma = right - at;
                } else if (n >= 2 && rank == n - 1) {
                    sigma = at - left;
                }
                sigmas[order[rank]] = Math.min(1.0, Math.max(minSigma, sigma));
            }
            means[n] = 0.5;
            sigmas[n] = 1.0;
            double[] weights = Arrays.copyOf(observationWeights(n), n + 1);
            weights[n] = PRIOR_WEIGHT;
            double total = Arrays.stream(weights).sum();
            return new TruncatedGaussians(means, sigmas, Arrays.stream(weights).map(w -> w / total).toArray(), cells);
        }

        @Override
        public double sample(RandomGenerator random) {
            int k = pick(weights, random);
            double low = STANDARD.cumulativeProbability(-means[k] / sigmas[k]);
            double high = STANDARD.cumulativeProbability((1 - means[k]) / sigmas[k]);
            double x = means[k] + sigmas[k] * STANDARD.inverseCumulativeProbability(low
                    + random.nextDouble() * (high - low));
            x = Math.min(Math.nextDown(1.0), Math.max(0.0, x));
            return cells > 0 ? (Math.floor(x * cells) + 0.5) / cells : x;
        }

        @Override
        public double density(double x) {
            double density = 0;
            for (int k = 0; k < means.length; k++) {
                double mass = mass(k, 0, 1);
                if (cells > 0) {
                    double cell = Math.min(cells - 1, Math.floor(x * cells));
                    density += weights[k] * mass(k, cell / cells, (cell + 1) / cells) / mass;
                } else {
                    double z = (x - means[k]) / sigmas[k];
                    density += weights[k] * Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * sigmas[k] * mass);
                }
            }
            return density;
        }

        /** The mass of kernel {@code k}, untruncated, over {@code [from, to]}. */
        private double mass(int k, double from, double to) {
            return STANDARD.cumulativeProbability((to - means[k]) / sigmas[k])
                    - STANDARD.cumulativeProbability((from - means[k]) / sigmas[k]);
        }
    }

    /**
     * A categorical distribution over a choice's {@code n} options, coordinate {@code (c + 1/2) / n}
     * being option {@code c}: Optuna's estimator, a mixture of one kernel per observation, which puts
     * 1 on the option observed and {@code PRIOR_WEIGHT / (observations + 1)} on every option, and of
     * a uniform prior kernel (the paper's section 4.1 for categorical values: the observed counts
     * plus a prior).
     *
     * @param probabilities the probability of each option
     */
    record Categorical(double[] probabilities) implements ParzenEstimator {

        /** The estimator of {@code observations} (coordinates) in trial order, over {@code options} options. */
        static Categorical fit(double[] observations, int options) {
            int n = observations.length;
            double[] weights = Arrays.copyOf(observationWeights(n), n + 1);
            weights[n] = PRIOR_WEIGHT;
            double total = Arrays.stream(weights).sum();
            double spread = PRIOR_WEIGHT / (n + 1);
            double[] probabilities = new double[options];
            for (int i = 0; i < n; i++) {
                int observed = option(observations[i], options);
                for (int c = 0; c < options; c++) {
                    double kernel = ((c == observed ? 1 : 0) + spread) / (1 + options * spread);
                    probabilities[c] += weights[i] / total * kernel;
                }
            }
            for (int c = 0; c < options; c++) {
                probabilities[c] += weights[n] / total / options;
            }
            return new Categorical(probabilities);
        }

        @Override
        public double sample(RandomGenerator random) {
            return (pick(probabilities, random) + 0.5) / probabilities.length;
        }

        @Override
        public double density(double x) {
            return probabilities[option(x, probabilities.length)];
        }

        private static int option(double coordinate, int options) {
            return Math.min(options - 1, (int) Math.floor(coordinate * options));
        }
    }

    /** An index drawn with the given probabilities. */
    private static int pick(double[] probabilities, RandomGenerator random) {
        double u = random.nextDouble();
        double sum = 0;
        for (int k = 0; k < probabilities.length - 1; k++) {
            sum += probabilities[k];
            if (u < sum) {
                return k;
            }
        }
        return probabilities.length - 1;
    }
}
