package org.vaelab.core.study;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.vaelab.spi.Param;

/**
 * A study's {@code search} block: how many trials to draw from its {@code space}, and how.
 *
 * @param type how the points are drawn
 * @param trials how many points, each a trial (times the seeds, if any)
 * @param seed the seed of the draws: the same study file and seed give the same trials everywhere
 * @param startupTrials with tpe, the first points, drawn as random ones before the model has data
 * @param candidates with tpe, the draws from l(x) scored by l(x)/g(x) for each coordinate proposed
 * @param gamma with tpe, the fraction of the finished points that models the good region l(x)
 * @param batch with tpe, the points proposed in one round, each from every point of earlier rounds
 */
record SearchSettings(
        @Param("How the trials' points are drawn: random (independent uniform draws, Bergstra and Bengio 2012),"
                + " sobol (a Sobol sequence, which covers the space more evenly) or tpe (the Tree-structured"
                + " Parzen Estimator, Bergstra et al. 2011, each point proposed from the finished trials)")
        Method type,
        @Param(value = "How many points are drawn, each a trial", min = 1) int trials,
        @Param(value = "The seed of the draws", defaultValue = "0") long seed,
        @Param(value = "With tpe: the first points, drawn as by random", defaultValue = "10", min = 1)
        int startupTrials,
        @Param(value = "With tpe: the candidates drawn from l(x) for each key, the one of highest l(x)/g(x)"
                + " proposed", defaultValue = "24", min = 1)
        int candidates,
        @Param(value = "With tpe: the fraction of the finished points, the best, that l(x) models",
                defaultValue = "0.25", above = 0, max = 1)
        double gamma,
        @Param(value = "With tpe: the points proposed in each round from the points of earlier rounds; the"
                + " same batch gives the same trials at any --parallel", defaultValue = "1", min = 1)
        int batch) {

    /** Settings of a search by {@code type} that uses no model: TPE's own settings at their defaults. */
    SearchSettings(Method type, int trials, long seed) {
        this(type, trials, seed, 10, 24, 0.25, 1);
    }

    /** The largest space a Sobol sequence covers: Joe and Kuo's direction numbers, as Commons Math ships them. */
    static final int SOBOL_MAX_DIMENSIONS = 1000;

    /** How points of the unit hypercube are drawn. */
    enum Method {
        /** Independent uniform coordinates from a Mersenne Twister (Matsumoto and Nishimura 1998). */
        RANDOM,
        /**
         * The Sobol sequence (Sobol 1967) with the direction numbers of Joe and Kuo (2008), in Gray-code
         * order, shifted modulo 1 by a random vector of the seed (Cranley and Patterson 1976): the shift
         * keeps its even cover of the cube, makes the seed matter and keeps the cube's corner, the
         * sequence's first point, from being the first trial.
         */
        SOBOL,
        /**
         * The Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio and Kegl 2011): the first
         * {@code startup_trials} points as by {@link #RANDOM}, each later one proposed from the test
         * ELBOs of the trials finished in earlier rounds ({@link ModelSearch}).
         */
        TPE
    }

    /** The first {@code trials} points of the unit cube of {@code dimensions} dimensions. */
    double[][] points(int dimensions) {
        MersenneTwister random = new MersenneTwister(seed);
        double[][] points = new double[trials][];
        if (type == Method.RANDOM) {
            for (int t = 0; t < trials; t++) {
                points[t] = new double[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    points[t][d] = random.nextDouble();
                }
            }
            return points;
        }
        double[] shift = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            shift[d] = random.nextDouble();
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(dimensions);
        for (int t = 0; t < trials; t++) {
            points[t] = sobol.nextVector();
            for (int d = 0; d < dimensions; d++) {
                points[t][d] = (points[t][d] + shift[d]) % 1.0;
            }
        }
        return points;
    }
}
