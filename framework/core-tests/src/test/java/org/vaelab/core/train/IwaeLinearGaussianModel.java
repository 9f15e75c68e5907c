package org.vaelab.core.train;

import java.util.List;
import java.util.SplittableRandom;
import org.vaelab.spi.Family;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;

/**
 * A linear-Gaussian VAE whose marginal likelihood is known in closed form, for checking the
 * importance-weighted estimate: prior N(0, I_L), decoder {@code x = W z + b} (the {@code mlp}
 * decoder without hidden layers) and a {@code gaussian} likelihood of fixed sigma, so that
 * {@code p(x) = N(x; b, W W^T + sigma^2 I)} and the true posterior is
 * {@code N(m, S)}, {@code S = (I + W^T W / sigma^2)^-1}, {@code m = S W^T (x - b) / sigma^2}
 * (Bishop 2006, "Pattern Recognition and Machine Learning", eqs. 2.113-2.117 and 12.43-12.44).
 * The encoder is linear too ({@code mlp} without hidden layers), so q(z|x) = N(mu, diag(exp(lv)))
 * with {@code mu, lv} linear in x. Its weights are set to a reasonable but imperfect proposal: the
 * true posterior mean map {@code m(x)} plus uniform noise of +-{@value #MEAN_NOISE} on every
 * weight and bias, and a log-variance of {@code log(1.5 S_jj)} plus +-{@value #LOG_VARIANCE_NOISE}
 * times x; diagonal, so it never matches the correlated true posterior. (A fully random encoder
 * proposes so badly that the weights' relative variance chi^2 reaches the hundreds and K = 5000
 * is nowhere near converged; a trained encoder is what the estimate is meant for.) Every formula
 * is worked out here in double precision from the graph's weights.
 */
final class IwaeLinearGaussianModel {

    static final int WIDTH = 5;
    static final int LATENT = 2;
    static final double SIGMA = 0.5;
    static final double MEAN_NOISE = 0.1;
    static final double LOG_VARIANCE_NOISE = 0.05;

    final ModelParts parts;
    final VaeGraph graph;
    /** The decoder's W, {@code [WIDTH][LATENT]}, so that {@code x = W z + b}. */
    private final double[][] w;
    private final double[] b;

    private IwaeLinearGaussianModel(ModelParts parts, VaeGraph graph) {
        this.parts = parts;
        this.graph = graph;
        double[] decoderW = TestModels.values(graph.sameDiff(), "decoder/out/W");
        this.w = new double[WIDTH][LATENT];
        for (int j = 0; j < LATENT; j++) {
            for (int i = 0; i < WIDTH; i++) {
                w[i][j] = decoderW[j * WIDTH + i];
            }
        }
        this.b = TestModels.values(graph.sameDiff(), "decoder/out/b");
    }

    /**
     * The model with decoder weights drawn from {@code seed} and the encoder described above, its
     * noise also drawn from {@code seed}; one sample of z per example.
     */
    static IwaeLinearGaussianModel create(long seed) {
        String linear = "{type: mlp, hidden: [], activation: identity}";
        ModelParts parts = new ModelParts(TestModels.component(Family.ENCODER, linear),
                TestModels.component(Family.DECODER, linear),
                TestModels.component(Family.LIKELIHOOD, "{type: gaussian, sigma: fixed, sigma_value: " + SIGMA + "}"),
                TestModels.beta(1.0), TestModels.VAE, new DataShape(List.of(WIDTH), ValueRange.REAL, 0), LATENT);
        SplittableRandom random = new SplittableRandom(seed);
        VaeGraph graph = parts.build(1, random);
        IwaeLinearGaussianModel model = new IwaeLinearGaussianModel(parts, graph);
        model.setProposal(random);
        return model;
    }

    /**
     * Gives the encoder the weights described in the class comment: the posterior mean is
     * {@code m^T = (x - b)^T W S / sigma^2}, so its map has weights {@code W S / sigma^2} and bias
     * {@code -b^T W S / sigma^2}.
     */
    private void setProposal(SplittableRandom random) {
        SmallSpd precision = new SmallSpd(precisionOfPosterior());
        double[] meanWeights = new double[WIDTH * LATENT];
        double[] meanBias = new double[LATENT];
        double[] logVarianceWeights = new double[WIDTH * LATENT];
        double[] logVarianceBias = new double[LATENT];
        for (int i = 0; i < WIDTH; i++) {
            double[] row = precision.solve(scale(w[i], 1 / (SIGMA * SIGMA)));
            for (int j = 0; j < LATENT; j++) {
                meanWeights[i * LATENT + j] = row[j] + random.nextDouble(-MEAN_NOISE, MEAN_NOISE);
                meanBias[j] -= b[i] * row[j];
                logVarianceWeights[i * LATENT + j] = random.nextDouble(-LOG_VARIANCE_NOISE, LOG_VARIANCE_NOISE);
            }
        }
        for (int j = 0; j < LATENT; j++) {
            double[] unit = new double[LATENT];
            unit[j] = 1;
            meanBias[j] += random.nextDouble(-MEAN_NOISE, MEAN_NOISE);
            logVarianceBias[j] = Math.log(1.5 * precision.solve(unit)[j]);
        }
        TestModels.setValues(graph.sameDiff(), "encoder/mean/W", meanWeights);
        TestModels.setValues(graph.sameDiff(), "encoder/mean/b", meanBias);
        TestModels.setValues(graph.sameDiff(), "encoder/logvar/W", logVarianceWeights);
        TestModels.setValues(graph.sameDiff(), "encoder/logvar/b", logVarianceBias);
    }

    /** A draw of x from the model, rounded to float as the graph will see it. */
    double[] sample(SplittableRandom random) {
        double[] z = new double[LATENT];
        for (int j = 0; j < LATENT; j++) {
            z[j] = random.nextGaussian();
        }
        double[] x = new double[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            x[i] = (float) (b[i] + dot(w[i], z) + SIGMA * random.nextGaussian());
        }
        return x;
    }

    /**
     * log p(x) = log N(x; b, C), {@code C = W W^T + sigma^2 I}, through the matrix determinant lemma
     * {@code |C| = sigma^(2D) |M|} and the Woodbury identity
     * {@code C^-1 = (I - W M^-1 W^T / sigma^2) / sigma^2}, {@code M = I + W^T W / sigma^2}.
     */
    double logMarginal(double[] x) {
        double s2 = SIGMA * SIGMA;
        double[] r = residual(x);
        double[] wr = transposeTimes(r);
        SmallSpd m = new SmallSpd(precisionOfPosterior());
        double quadratic = dot(r, r) / s2 - dot(wr, m.solve(wr)) / (s2 * s2);
        double logDet = WIDTH * Math.log(s2) + m.logDet();
        return -0.5 * (WIDTH * Math.log(2 * Math.PI) + logDet + quadratic);
    }

    /**
     * The ELBO of q(z|x) in closed form: {@code E_q[log N(x; W z + b, sigma^2 I)]}, which is
     * {@code -D/2 log(2 pi sigma^2) - (|x - b - W mu|^2 + sum_j v_j |W_j|^2) / (2 sigma^2)}, minus
     * {@code KL = 1/2 sum_j (v_j + mu_j^2 - 1 - lv_j)}.
     */
    double elbo(double[] x) {
        double s2 = SIGMA * SIGMA;
        double[] mu = AffineLayer.read(graph, "encoder/mean").apply(x);
        double[] lv = AffineLayer.read(graph, "encoder/logvar").apply(x);
        double[] r = residual(x);
        double squaredError = 0;
        for (int i = 0; i < WIDTH; i++) {
            double e = r[i] - dot(w[i], mu);
            squaredError += e * e;
        }
        double spread = 0;
        double kl = 0;
        for (int j = 0; j < LATENT; j++) {
            for (int i = 0; i < WIDTH; i++) {
                spread += Math.exp(lv[j]) * w[i][j] * w[i][j];
            }
            kl += 0.5 * (Math.exp(lv[j]) + mu[j] * mu[j] - 1 - lv[j]);
        }
        return -0.5 * WIDTH * Math.log(2 * Math.PI * s2) - (squaredError + spread) / (2 * s2) - kl;
    }

    /**
     * {@code chi^2(p(z|x) || q(z|x)) = E_q[(p(z|x) / q(z|x))^2] - 1}, the relative variance
     * {@code Var_q(w) / p(x)^2} of one importance weight: with {@code A = 2 S^-1 - Sigma^-1} and
     * {@code h = 2 S^-1 m - Sigma^-1 mu}, {@code log E_q[(p/q)^2] = -log|S| + log|Sigma|/2 - log|A|/2
     * + h^T A^-1 h / 2 - m^T S^-1 m + mu^T Sigma^-1 mu / 2}, a Gaussian integral; infinite unless
     * A is positive definite (q must not be too narrow). By the delta method the K-sample estimate
     * then has standard deviation about {@code sqrt(chi^2 / K)} and bias about {@code -chi^2 / (2K)}.
     */
    double chiSquare(double[] x) {
        double[][] precision = precisionOfPosterior();
        SmallSpd posteriorPrecision = new SmallSpd(precision);
        double[] m = posteriorPrecision.solve(scale(transposeTimes(residual(x)), 1 / (SIGMA * SIGMA)));
        double[] mu = AffineLayer.read(graph, "encoder/mean").apply(x);
        double[] lv = AffineLayer.read(graph, "encoder/logvar").apply(x);
        double[][] a = new double[LATENT][LATENT];
        double[] h = new double[LATENT];
        double[] precisionTimesM = times(precision, m);
        for (int j = 0; j < LATENT; j++) {
            for (int k = 0; k < LATENT; k++) {
                a[j][k] = 2 * precision[j][k] - (j == k ? Math.exp(-lv[j]) : 0);
            }
            h[j] = 2 * precisionTimesM[j] - mu[j] * Math.exp(-lv[j]);
        }
        if (!SmallSpd.isPositiveDefinite(a)) {
            return Double.POSITIVE_INFINITY;
        }
        SmallSpd aSpd = new SmallSpd(a);
        double muTerm = 0;
        double logDetSigma = 0;
        for (int j = 0; j < LATENT; j++) {
            muTerm += mu[j] * mu[j] * Math.exp(-lv[j]);
            logDetSigma += lv[j];
        }
        double logSecondMoment = posteriorPrecision.logDet() + 0.5 * logDetSigma - 0.5 * aSpd.logDet()
                + 0.5 * dot(h, aSpd.solve(h)) - dot(m, precisionTimesM) + 0.5 * muTerm;
        return Math.expm1(logSecondMoment);
    }

    /** {@code M = S^-1 = I + W^T W / sigma^2}. */
    private double[][] precisionOfPosterior() {
        double[][] m = new double[LATENT][LATENT];
        for (int j = 0; j < LATENT; j++) {
            for (int k = 0; k < LATENT; k++) {
                double sum = 0;
                for (int i = 0; i < WIDTH; i++) {
                    sum += w[i][j] * w[i][k];
                }
                m[j][k] = (j == k ? 1 : 0) + sum / (SIGMA * SIGMA);
            }
        }
        return m;
    }

    private double[] residual(double[] x) {
        double[] r = new double[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            r[i] = x[i] - b[i];
        }
        return r;
    }

    private double[] transposeTimes(double[] r) {
        double[] out = new double[LATENT];
        for (int j = 0; j < LATENT; j++) {
            for (int i = 0; i < WIDTH; i++) {
                out[j] += w[i][j] * r[i];
            }
        }
        return out;
    }

    private static double[] times(double[][] a, double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = dot(a[j], v);
        }
        return out;
    }

    private static double[] scale(double[] v, double factor) {
        double[] out = v.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] *= factor;
        }
        return out;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static final class SmallSpd {

        private final double[][] lower;

        SmallSpd(double[][] a) {
            lower = cholesky(a);
            if (lower == null) {
                throw new IllegalArgumentException("not positive definite");
            }
        }

        static boolean isPositiveDefinite(double[][] a) {
            return cholesky(a) != null;
        }

        /** The Cholesky factor, or null when {@code a} is not positive definite. */
        private static double[][] cholesky(double[][] a) {
            int n = a.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = a[i][j];
                    for (int k = 0; k < j; k++) {
                        sum -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        if (sum <= 0) {
                            return null;
                        }
                        l[i][i] = Math.sqrt(sum);
                    } else {
                        l[i][j] = sum / l[j][j];
                    }
                }
            }
            return l;
        }

        double logDet() {
            double sum = 0;
            for (int i = 0; i < lower.length; i++) {
                sum += 2 * Math.log(lower[i][i]);
            }
            return sum;
        }

        /** {@code A^-1 v} by forward and back substitution. */
        double[] solve(double[] v) {
            int n = v.length;
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = v[i];
                for (int k = 0; k < i; k++) {
                    sum -= lower[i][k] * y[k];
                }
                y[i] = sum / lower[i][i];
            }
            double[] x = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double sum = y[i];
                for (int k = i + 1; k < n; k++) {
                    sum -= lower[k][i] * x[k];
                }
                x[i] = sum / lower[i][i];
            }
            return x;
        }
    }
}
