package org.vaelab.plugins.likelihood;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A location-scale density of one real value, written in terms of the residual
 * {@code r = x - mu} and a log-spread {@code v}, with all normalising constants.
 */
enum LocationScaleFamily {

    /**
     * The normal density {@code N(x; mu, s^2) = (2 pi s^2)^(-1/2) exp(-(x - mu)^2 / (2 s^2))}
     * (Bishop 2006, "Pattern Recognition and Machine Learning", eq. 1.46) in terms of the
     * log-variance {@code v = log s^2}: {@code log N = -log(2 pi)/2 - v/2 - r^2 exp(-v)/2}.
     */
    GAUSSIAN("log_variance") {
        @Override
        SDVariable logDensity(SameDiff sd, SDVariable residual, SDVariable logVariance) {
            return sd.math().square(residual).mul(sd.math().exp(logVariance.neg())).add(logVariance)
                    .mul(-0.5).sub(0.5 * Math.log(2 * Math.PI));
        }

        @Override
        double logSpread(double standardDeviation) {
            return 2 * Math.log(standardDeviation);
        }
    },

    /**
     * The Laplace (double exponential) density {@code (2b)^-1 exp(-|x - mu| / b)} (Johnson, Kotz
     * and Balakrishnan 1995, "Continuous Univariate Distributions", vol. 2, ch. 24) in terms of the
     * log-scale {@code v = log b}: {@code log p = -log 2 - v - |r| exp(-v)}. Its derivative in
     * {@code mu} at {@code r = 0} is ND4J's derivative of {@code |r|} there, 0, a subgradient.
     */
    LAPLACE("log_scale") {
        @Override
        SDVariable logDensity(SameDiff sd, SDVariable residual, SDVariable logScale) {
            return sd.math().abs(residual).mul(sd.math().exp(logScale.neg())).add(logScale).neg()
                    .sub(Math.log(2));
        }

        @Override
        double logSpread(double scale) {
            return Math.log(scale);
        }
    };

    private final String spreadName;

    LocationScaleFamily(String spreadName) {
        this.spreadName = spreadName;
    }

    /**
     * The log-density of each value, shaped like {@code residual}.
     *
     * @param residual {@code x - mu}
     * @param logSpread the log-spread, shaped like {@code residual} or a scalar
     */
    abstract SDVariable logDensity(SameDiff sd, SDVariable residual, SDVariable logSpread);

    /** The log-spread of a configured spread: the standard deviation for Gaussian, the scale b for Laplace. */
    abstract double logSpread(double spread);

    /** What the log-spread is, in snake case: {@code log_variance} or {@code log_scale}. */
    String spreadName() {
        return spreadName;
    }
}
