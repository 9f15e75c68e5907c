package org.vaelab.plugins.families;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A positive-definite kernel k(z, z') of the codes, as a function of the squared distance
 * {@code D = ||z - z'||^2}, for {@link MaximumMeanDiscrepancy}. Both kernels are scaled to the
 * dimension d of z, since two draws of N(0, I_d) lie about {@code 2d} apart in squared distance.
 */
enum MmdKernel {

    /**
     * The inverse multiquadratics kernel of Tolstikhin, Bousquet, Gelly and Schoelkopf 2018,
     * "Wasserstein Auto-Encoders", section 4: {@code k = C / (C + D)} with {@code C = 2 d sigma^2},
     * sigma^2 the prior's variance (1 for N(0, I)), summed over the scales {@code C s} for s in
     * {@link #SCALES}, as the paper's experiments and its authors' code do (a heavy-tailed kernel
     * whose gradient does not vanish for distant codes, unlike the Gaussian kernel's).
     */
    INVERSE_MULTIQUADRATIC {
        @Override
        SDVariable of(SameDiff sd, SDVariable squaredDistances, long dimensions) {
            SDVariable sum = null;
            for (double scale : SCALES) {
                double c = 2.0 * dimensions * scale;
                SDVariable term = squaredDistances.add(c).rdiv(c);
                sum = sum == null ? term : sum.add(term);
            }
            return sum;
        }

        @Override
        double atZero() {
            return SCALES.length;
        }
    },

    /**
     * The Gaussian (RBF) kernel of Zhao, Song and Ermon 2019, "InfoVAE: Balancing Learning and
     * Inference in Variational Autoencoders", section 3.1 (MMD-VAE):
     * {@code k = exp(-D / (2 sigma^2))} with {@code 2 sigma^2 = 2d}, scaled to the dimension as
     * their code scales it.
     */
    GAUSSIAN {
        @Override
        SDVariable of(SameDiff sd, SDVariable squaredDistances, long dimensions) {
            return sd.math().exp(squaredDistances.mul(-1.0 / (2.0 * dimensions)));
        }

        @Override
        double atZero() {
            return 1;
        }
    };

    /** The multiples of C that the inverse multiquadratics kernel sums over (Tolstikhin et al.'s code). */
    static final double[] SCALES = {0.1, 0.2, 0.5, 1, 2, 5, 10};

    /** k of every entry of {@code squaredDistances}, for codes of {@code dimensions} dimensions. */
    abstract SDVariable of(SameDiff sd, SDVariable squaredDistances, long dimensions);

    /** k(z, z), the same for every z. */
    abstract double atZero();
}
