package org.vaelab.core.eval.disentanglement;

import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/**
 * The beta-VAE score of Higgins et al. 2017, "beta-VAE: Learning Basic Visual Concepts with a
 * Constrained Variational Framework" (ICLR), section 3, as disentanglement_lib's
 * {@code beta_vae.compute_beta_vae_sklearn} computes it: each point fixes a uniformly chosen factor
 * {@code k}, draws {@code batchSize} pairs of examples sharing factor {@code k}'s value (the other
 * factors independent) and averages {@code |z(x1) - z(x2)|} over the pairs; a linear classifier
 * learns {@code k} from that average on {@code trainPoints} points and is scored (accuracy) on
 * {@code testPoints} fresh ones. disentanglement_lib fits scikit-learn's {@code LogisticRegression};
 * here Tribuo's {@link LogisticRegressionTrainer} (multinomial logistic regression by AdaGrad).
 */
public final class BetaVaeScore {

    private BetaVaeScore() {
    }

    /** The score of {@code pool}'s codes, in [0, 1]: the classifier's test accuracy. */
    public static double of(FactorCodes pool, DisentanglementOptions options) {
        SplittableRandom random = new SplittableRandom(options.seed());
        LabelledPoints training = points(pool, options, options.trainPoints(), random);
        LabelledPoints test = points(pool, options, options.testPoints(), random);
        Model<Label> model = new LogisticRegressionTrainer().train(training.dataset("beta-VAE score training points"));
        return test.accuracy(model);
    }

    private static LabelledPoints points(FactorCodes pool, DisentanglementOptions options, int count,
            SplittableRandom random) {
        double[][] rows = new double[count][pool.codeDimensions()];
        int[] labels = new int[count];
        for (int point = 0; point < count; point++) {
            int k = random.nextInt(pool.factorCount());
            labels[point] = k;
            for (int pair = 0; pair < options.batchSize(); pair++) {
                int first = pool.sample(random);
                double[] a = pool.code(first);
                double[] b = pool.code(pool.withSameValue(first, k, random));
                for (int j = 0; j < a.length; j++) {
                    rows[point][j] += Math.abs(a[j] - b[j]) / options.batchSize();
                }
            }
        }
        return new LabelledPoints(rows, labels);
    }
}
