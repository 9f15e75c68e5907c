package org.vaelab.core.eval.disentanglement;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.math.la.SparseVector;

/**
 * DCI's importance matrix (Eastwood and Williams 2018, section 4.1): for each factor, a Tribuo
 * random forest of CART trees (Gini impurity, {@code ceil(sqrt(D))} of the {@code D} code
 * dimensions tried at each split, depth at most {@value #MAX_DEPTH}) predicts the factor's value
 * from the codes, and {@code R_jk} is dimension {@code j}'s mean decrease in impurity
 * (Breiman 2001, "Random Forests"): over each tree's splits on {@code j}, the training points
 * reaching the split times its impurity less the same for its two children, normalised per tree
 * and averaged over trees, which is scikit-learn's {@code feature_importances_}. Eastwood and
 * Williams use random forests (and the lasso); disentanglement_lib uses scikit-learn's
 * {@code GradientBoostingClassifier}. Tribuo exposes a tree's splits and node impurities but not
 * the training points that reached each node, so they are counted by routing the training points
 * (all of them, where scikit-learn counts each tree's bootstrap sample) down each tree.
 *
 * @param importance {@code R}: code dimensions x factors, each column summing to 1 (or 0 when no
 *     tree split)
 * @param trainAccuracy the forests' mean accuracy on the training points
 * @param testAccuracy the forests' mean accuracy on the test points
 */
record ImportanceMatrix(double[][] importance, double trainAccuracy, double testAccuracy) {

    /** The trees' depth limit. */
    static final int MAX_DEPTH = 12;

    /** The matrix of forests trained on {@code training} and scored on {@code test}. */
    static ImportanceMatrix of(FactorCodes training, FactorCodes test, DisentanglementOptions options) {
        int dimensions = training.codeDimensions();
        double[][] importance = new double[dimensions][training.factorCount()];
        double trainAccuracy = 0;
        double testAccuracy = 0;
        float featureShare = (float) Math.min(Math.ceil(Math.sqrt(dimensions)), Math.max(1, dimensions - 1))
                / dimensions;
        for (int k = 0; k < training.factorCount(); k++) {
            LabelledPoints trainingPoints = new LabelledPoints(training.codes(), training.factorColumn(k));
            RandomForestTrainer<Label> trainer = new RandomForestTrainer<>(
                    new CARTClassificationTrainer(MAX_DEPTH, featureShare, options.seed()), new VotingCombiner(),
                    options.trees(), options.seed());
            EnsembleModel<Label> forest = trainer.train(trainingPoints.dataset("DCI training points"));
            double[] column = meanDecreaseInImpurity(forest, trainingPoints, dimensions);
            for (int j = 0; j < dimensions; j++) {
                importance[j][k] = column[j];
            }
            trainAccuracy += trainingPoints.accuracy(forest) / training.factorCount();
            testAccuracy += new LabelledPoints(test.codes(), test.factorColumn(k)).accuracy(forest)
                    / training.factorCount();
        }
        return new ImportanceMatrix(importance, trainAccuracy, testAccuracy);
    }

    private static double[] meanDecreaseInImpurity(EnsembleModel<Label> forest, LabelledPoints points,
            int dimensions) {
        double[] mean = new double[dimensions];
        for (Model<Label> member : forest.getModels()) {
            TreeModel<Label> tree = (TreeModel<Label>) member;
            List<SparseVector> vectors = new ArrayList<>();
            for (int i = 0; i < points.rows().length; i++) {
                vectors.add(SparseVector.createSparseVector(points.example(i, 1f), tree.getFeatureIDMap(), false));
            }
            double[] decrease = new double[dimensions];
            accumulate(tree, tree.getRoot(), vectors, decrease);
            double total = 0;
            for (double d : decrease) {
                total += d;
            }
            for (int j = 0; j < dimensions && total > 0; j++) {
                mean[j] += decrease[j] / total / forest.getNumModels();
            }
        }
        return mean;
    }

    /** Adds the impurity decrease of every split below {@code node} to its dimension's total. */
    private static void accumulate(TreeModel<Label> tree, Node<Label> node, List<SparseVector> reaching,
            double[] decrease) {
        if (node.isLeaf() || reaching.isEmpty()) {
            return;
        }
        SplitNode<Label> split = (SplitNode<Label>) node;
        List<SparseVector> greater = new ArrayList<>();
        List<SparseVector> lessOrEqual = new ArrayList<>();
        for (SparseVector vector : reaching) {
            (split.getNextNode(vector) == split.getGreaterThan() ? greater : lessOrEqual).add(vector);
        }
        int dimension = LabelledPoints.featureIndex(tree.getFeatureIDMap().get(split.getFeatureID()).getName());
        decrease[dimension] += reaching.size() * split.getImpurity()
                - greater.size() * split.getGreaterThan().getImpurity()
                - lessOrEqual.size() * split.getLessThanOrEqual().getImpurity();
        accumulate(tree, split.getGreaterThan(), greater, decrease);
        accumulate(tree, split.getLessThanOrEqual(), lessOrEqual, decrease);
    }
}
