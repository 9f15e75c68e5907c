package org.vaelab.plugins.families.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.latent.PosteriorSample;
import org.vaelab.spi.latent.PriorDensity;
import org.vaelab.spi.latent.StandardNormalPrior;
import org.vaelab.spi.nn.GaussianPosterior;

/**
 * The categorical code against known answers: the KL of q = softmax(logits) against the uniform prior by hand;
 * the Gumbel-max property (Maddison et al. 2017, proposition 1a: the argmax of a relaxed sample is class k with
 * probability softmax(logits)_k, at any temperature) and the relaxed samples' mean approaching those frequencies
 * as tau goes to 0 (proposition 1c), both with a fixed seed and a 4-standard-error tolerance; the Concrete
 * log-density (Maddison et al. 2017, eq. 2) computed by hand at the graph's own samples, exactly 0 where it is the
 * uniform density (K = 2, tau = 1, equal logits) and integrating to 1 numerically; the prior's one-hot samples.
 */
class CategoricalCodeTest {

    private static final int K = 3;
    private static final int GROUPS = 2;
    private static final int D = K * GROUPS;
    private static final CategoricalCodeConfig CODE = new CategoricalCodeConfig(K, 0.5);

    @Test
    void theKlIsThatOfTheCategoricalVariablesAgainstUniformByHand() {
        TestContext context = new TestContext(D);
        PriorDensity prior = new UniformCategoricalPrior(CODE).build(context);
        SDVariable kl = new GumbelSoftmaxPosterior(CODE).klPerDimension(encoded(context), prior).orElseThrow();
        double[][] logits = PriorDensitiesTest.draws(new SplittableRandom(1), 4, D, 2.0);
        double[] computed = PriorDensitiesTest.run(context, kl, Map.of("mean", logits));
        for (int i = 0; i < logits.length; i++) {
            for (int g = 0; g < GROUPS; g++) {
                double[] q = softmax(logits[i], g);
                for (int k = 0; k < K; k++) {
                    assertEquals(q[k] * Math.log(q[k] * K), computed[i * D + g * K + k], 1e-5,
                            "row " + i + ", group " + g + ", class " + k);
                }
            }
        }
    }

    @Test
    void theArgmaxFollowsTheSoftmaxAndTheRelaxedMeanApproachesItAsTauFalls() {
        double[] logits = {1.0, 0.0, -1.5, 0.5, 0.5, -2.0};
        int draws = 20000;
        double[][] eps = PriorDensitiesTest.draws(new SplittableRandom(2), draws, D, 1.0);
        double[][] rows = new double[draws][];
        Arrays.fill(rows, logits);
        double[] warm = relaxedSamples(0.5, rows, eps);
        double[] cold = relaxedSamples(0.02, rows, eps);
        for (int g = 0; g < GROUPS; g++) {
            double[] expected = softmax(logits, g);
            double[] argmaxCounts = new double[K];
            double[] coldMeans = new double[K];
            for (int i = 0; i < draws; i++) {
                int offset = i * D + g * K;
                argmaxCounts[argmax(warm, offset)]++;
                for (int k = 0; k < K; k++) {
                    coldMeans[k] += cold[offset + k] / draws;
                }
            }
            for (int k = 0; k < K; k++) {
                double tolerance = 4 * Math.sqrt(expected[k] * (1 - expected[k]) / draws);
                assertEquals(expected[k], argmaxCounts[k] / draws, tolerance, "P(argmax = " + k + "), group " + g);
                assertEquals(expected[k], coldMeans[k], tolerance, "E[y_" + k + "] at tau 0.02, group " + g);
            }
        }
    }

    @Test
    void theLogDensityIsTheConcreteDensityByHandAtTheSamples() {
        TestContext context = new TestContext(D);
        PosteriorSample sample = new GumbelSoftmaxPosterior(CODE).sample(context, encoded(context),
                context.placeholder("eps", D));
        SplittableRandom random = new SplittableRandom(3);
        double[][] logits = PriorDensitiesTest.draws(random, 5, D, 1.5);
        Map<String, double[][]> feed = Map.of("mean", logits, "log_variance", new double[5][D],
                "eps", PriorDensitiesTest.draws(random, 5, D, 1.0));
        double[] z = PriorDensitiesTest.run(context, sample.z(), feed);
        double[] logDensity = PriorDensitiesTest.run(context, sample.logDensity(), feed);
        for (int i = 0; i < logits.length; i++) {
            double expected = 0;
            for (int g = 0; g < GROUPS; g++) {
                double[] y = new double[K];
                double[] l = new double[K];
                System.arraycopy(z, i * D + g * K, y, 0, K);
                System.arraycopy(logits[i], g * K, l, 0, K);
                expected += concreteLogDensity(l, y, CODE.temperature());
            }
            assertEquals(expected, logDensity[i], 1e-3 * Math.max(1, Math.abs(expected)), "log q of row " + i);
        }
    }

    @Test
    void theRelaxedPriorIsUniformAtTauOneAndIntegratesToOneAtTauTwo() {
        int points = 2000;
        double[][] y = new double[points][];
        for (int i = 0; i < points; i++) {
            double first = (i + 0.5) / points;
            y[i] = new double[] {first, 1 - first};
        }
        double[] uniform = priorLogDensity(new CategoricalCodeConfig(2, 1.0), y);
        double[] sharp = priorLogDensity(new CategoricalCodeConfig(2, 2.0), y);
        double integral = 0;
        for (int i = 0; i < points; i++) {
            assertEquals(0, uniform[i], 1e-4, "log p at y_1 = " + y[i][0]);
            integral += Math.exp(sharp[i]) / points;
        }
        assertEquals(1, integral, 1e-3, "the integral of p(y_1) over (0, 1) at tau 2");
    }

    @Test
    void thePriorsSamplesAreOneHotWithUniformClasses() {
        TestContext context = new TestContext(D);
        PriorDensity prior = new UniformCategoricalPrior(CODE).build(context);
        int draws = 6000;
        SDVariable samples = prior.sample(context.placeholder("normal", D), context.placeholder("uniform", 1));
        double[] codes = PriorDensitiesTest.run(context, samples,
                Map.of("normal", PriorDensitiesTest.draws(new SplittableRandom(4), draws, D, 1.0)));
        double[] counts = new double[D];
        for (int i = 0; i < draws; i++) {
            for (int g = 0; g < GROUPS; g++) {
                double sum = 0;
                for (int k = 0; k < K; k++) {
                    double value = codes[i * D + g * K + k];
                    assertTrue(value == 0 || value == 1, "a one-hot value: " + value);
                    sum += value;
                    counts[g * K + k] += value;
                }
                assertEquals(1, sum, "one class per variable");
            }
        }
        for (double count : counts) {
            assertEquals(1.0 / K, count / draws, 4 * Math.sqrt((1.0 / K) * (1 - 1.0 / K) / draws));
        }
    }

    @Test
    void aLatentSizeNotAMultipleOfTheClassesOrAMismatchedPartnerIsRefused() {
        TestContext odd = new TestContext(D + 1);
        InvalidInputException size = assertThrows(InvalidInputException.class, () -> new GumbelSoftmaxPosterior(CODE)
                .sample(odd, encoded(odd), odd.placeholder("eps", D + 1)));
        assertTrue(size.getMessage().startsWith("model.posterior.categories: 3 does not divide"), size.getMessage());
        TestContext context = new TestContext(D);
        PriorDensity normal = new StandardNormalPrior().build(context);
        InvalidInputException prior = assertThrows(InvalidInputException.class,
                () -> new GumbelSoftmaxPosterior(CODE).klPerDimension(encoded(context), normal));
        assertTrue(prior.getMessage().startsWith("model.prior: "), prior.getMessage());
        PriorDensity warmer = new UniformCategoricalPrior(new CategoricalCodeConfig(K, 1.0)).build(context);
        assertThrows(InvalidInputException.class,
                () -> new GumbelSoftmaxPosterior(CODE).klPerDimension(encoded(context), warmer));
        PriorDensity categorical = new UniformCategoricalPrior(CODE).build(context);
        InvalidInputException posterior = assertThrows(InvalidInputException.class,
                () -> categorical.klPerDimension(encoded(context)));
        assertTrue(posterior.getMessage().startsWith("model.posterior: "), posterior.getMessage());
    }

    /** Maddison et al. 2017, eq. 2, of one variable. */
    private static double concreteLogDensity(double[] logits, double[] y, double tau) {
        int k = y.length;
        double logFactorial = 0;
        for (int i = 2; i < k; i++) {
            logFactorial += Math.log(i);
        }
        double terms = 0;
        double normaliser = 0;
        for (int i = 0; i < k; i++) {
            terms += logits[i] - (tau + 1) * Math.log(y[i]);
            normaliser += Math.exp(logits[i]) * Math.pow(y[i], -tau);
        }
        return logFactorial + (k - 1) * Math.log(tau) + terms - k * Math.log(normaliser);
    }

    private static double[] priorLogDensity(CategoricalCodeConfig config, double[][] y) {
        TestContext context = new TestContext(2);
        SDVariable logDensity = new UniformCategoricalPrior(config).build(context)
                .logDensity(context.placeholder("z", 2));
        return PriorDensitiesTest.run(context, logDensity, Map.of("z", y));
    }

    private static double[] relaxedSamples(double temperature, double[][] logits, double[][] eps) {
        TestContext context = new TestContext(D);
        PosteriorSample sample = new GumbelSoftmaxPosterior(new CategoricalCodeConfig(K, temperature))
                .sample(context, encoded(context), context.placeholder("eps", D));
        return PriorDensitiesTest.run(context, sample.z(), Map.of("mean", logits,
                "log_variance", new double[logits.length][D], "eps", eps));
    }

    private static double[] softmax(double[] logits, int group) {
        double[] q = new double[K];
        double sum = 0;
        for (int k = 0; k < K; k++) {
            q[k] = Math.exp(logits[group * K + k]);
            sum += q[k];
        }
        for (int k = 0; k < K; k++) {
            q[k] /= sum;
        }
        return q;
    }

    private static int argmax(double[] values, int offset) {
        int best = 0;
        for (int k = 1; k < K; k++) {
            if (values[offset + k] > values[offset + best]) {
                best = k;
            }
        }
        return best;
    }

    private static GaussianPosterior encoded(TestContext context) {
        return new GaussianPosterior(context.placeholder("mean", context.latentDim()),
                context.placeholder("log_variance", context.latentDim()));
    }
}
