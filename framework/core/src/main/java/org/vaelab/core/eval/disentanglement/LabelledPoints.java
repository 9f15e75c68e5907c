package org.vaelab.core.eval.disentanglement;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Points with class labels (a factor's value indices) as Tribuo examples, whose features are named
 * {@code z0, z1, ...} after the code dimensions, and the accuracy of a Tribuo classifier on them.
 *
 * @param rows the points
 * @param labels the class of each point
 */
record LabelledPoints(double[][] rows, int[] labels) {

    private static final LabelFactory LABELS = new LabelFactory();

    /**
     * Tribuo's trainers log every tree and every SGD run at INFO through java.util.logging; the
     * metrics run inside a run's final evaluation, whose console shows its own progress. Held here
     * so that the logger, and its level, stay.
     */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    /** The name of feature {@code j}. */
    static String featureName(int j) {
        return "z" + j;
    }

    /** The index of the feature named {@code name}. */
    static int featureIndex(String name) {
        return Integer.parseInt(name.substring(1));
    }

    /** Point {@code i} as an example, weighted {@code weight}. */
    Example<Label> example(int i, float weight) {
        String[] names = new String[rows[i].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = featureName(j);
        }
        ArrayExample<Label> example = new ArrayExample<>(new Label(Integer.toString(labels[i])), names, rows[i]);
        example.setWeight(weight);
        return example;
    }

    /** The points as a dataset, each example of weight 1. */
    MutableDataset<Label> dataset(String description) {
        return dataset(description, null);
    }

    /**
     * The points as a dataset.
     *
     * @param weights one weight per class, or null for weight 1 throughout
     */
    MutableDataset<Label> dataset(String description, float[] weights) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS),
                LABELS);
        for (int i = 0; i < rows.length; i++) {
            dataset.add(example(i, weights == null ? 1f : weights[labels[i]]));
        }
        return dataset;
    }

    /**
     * scikit-learn's {@code class_weight="balanced"}: class {@code c} weighs
     * {@code n / (classes_present * count_c)}.
     */
    float[] balancedWeights(int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        long present = Arrays.stream(counts).filter(c -> c > 0).count();
        float[] weights = new float[classes];
        for (int c = 0; c < classes; c++) {
            weights[c] = counts[c] == 0 ? 0 : (float) (labels.length / (double) (present * counts[c]));
        }
        return weights;
    }

    /** The share of the points {@code model} labels correctly. */
    double accuracy(Model<Label> model) {
        int correct = 0;
        for (int i = 0; i < rows.length; i++) {
            String predicted = model.predict(example(i, 1f)).getOutput().getLabel();
            correct += predicted.equals(Integer.toString(labels[i])) ? 1 : 0;
        }
        return (double) correct / rows.length;
    }
}
