package org.vaelab.core.eval.disentanglement;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.math.optimisers.Pegasos;

/**
 * The separated attribute predictability score of Kumar, Sattigeri and Balakrishnan 2018,
 * "Variational Inference of Disentangled Latent Concepts from Unlabeled Observations" (ICLR),
 * section 3, for discrete factors as disentanglement_lib's {@code sap_score.compute_sap} computes
 * it: for every code dimension {@code j} and factor {@code k}, a linear SVM predicts {@code k}
 * from {@code z_j} alone (trained on {@code trainPoints} examples drawn from the pool's training
 * part, class-balanced, scored by accuracy on {@code testPoints} drawn from its test part); SAP is
 * the mean over factors of the gap between the two best dimensions' accuracies. disentanglement_lib fits scikit-learn's
 * {@code LinearSVC(C=0.01, class_weight="balanced")}; here Tribuo's hinge-loss linear model trained
 * by {@link Pegasos} (Shalev-Shwartz et al. 2011) with the same regularisation,
 * {@code lambda = 1 / (C n)}.
 */
public final class SapScore {

    /** disentanglement_lib's {@code LinearSVC} regularisation constant. */
    static final double SVM_C = 0.01;
    private static final int EPOCHS = 5;

    private SapScore() {
    }

    /** The score of {@code pool}'s codes, in [0, 1]. */
    public static double of(FactorCodes pool, DisentanglementOptions options) {
        SplittableRandom random = new SplittableRandom(options.seed());
        FactorCodes[] parts = pool.trainingAndTest(options);
        FactorCodes training = parts[0].draw(options.trainPoints(), random);
        FactorCodes test = parts[1].draw(options.testPoints(), random);
        double lambda = 1 / (SVM_C * options.trainPoints());
        double sum = 0;
        for (int k = 0; k < pool.factorCount(); k++) {
            double[] accuracies = new double[pool.codeDimensions()];
            for (int j = 0; j < accuracies.length; j++) {
                LabelledPoints trainingPoints = column(training, j, k);
                LinearSGDTrainer trainer = new LinearSGDTrainer(new Hinge(), new Pegasos(1, lambda), EPOCHS, -1, 1,
                        options.seed());
                Model<Label> model = trainer.train(trainingPoints.dataset("SAP training points",
                        trainingPoints.balancedWeights(pool.factorSize(k))));
                accuracies[j] = column(test, j, k).accuracy(model);
            }
            Arrays.sort(accuracies);
            sum += accuracies.length > 1 ? accuracies[accuracies.length - 1] - accuracies[accuracies.length - 2]
                    : accuracies[0];
        }
        return sum / pool.factorCount();
    }

    private static LabelledPoints column(FactorCodes codes, int dimension, int factor) {
        double[] values = codes.codeColumn(dimension);
        double[][] rows = new double[values.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        return new LabelledPoints(rows, codes.factorColumn(factor));
    }
}
