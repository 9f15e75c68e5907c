package org.vaelab.core.artifacts;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.vaelab.core.train.SplitRows;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;

/**
 * What the figures of a trained run are drawn from.
 *
 * @param model the trained model, through its means
 * @param shape the shape of one example; images ({@code [C, H, W]}) get image grids, feature
 *     vectors ({@code [features]}) scatter plots
 * @param test the test split the figures show (its labels colour the latent scatter)
 * @param klPerDimension the mean KL(q(z_j|x) || N(0, 1)) over the test split of each latent
 *     dimension j, nats, NaN where not measured; orders the latent traversals
 * @param random draws the latent codes of prior samples
 * @param metricsCsv the run's {@code metrics.csv} ({@code step,epoch,metric,value}); the training
 *     curves are left out when it does not exist
 * @param classNames the name of each class label, by label, as the data names them (Fashion-MNIST's
 *     {@code T-shirt/top}, ...); empty when the data names none, and figures then show the numbers
 */
public record FigureInputs(LatentModel model, DataShape shape, DataSplit test, double[] klPerDimension,
                           RandomGenerator random, Path metricsCsv, List<String> classNames) {

    /** Inputs of data whose classes have no names. */
    public FigureInputs(LatentModel model, DataShape shape, DataSplit test, double[] klPerDimension,
                        RandomGenerator random, Path metricsCsv) {
        this(model, shape, test, klPerDimension, random, metricsCsv, List.of());
    }

    public FigureInputs {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(metricsCsv, "metricsCsv");
        if (test.width() != shape.size()) {
            throw new IllegalArgumentException("test examples have " + test.width() + " values, the shape "
                    + shape.size());
        }
        if (test.size() == 0) {
            throw new IllegalArgumentException("the test split is empty");
        }
        if (klPerDimension.length != model.latentDim()) {
            throw new IllegalArgumentException(klPerDimension.length + " KL values for " + model.latentDim()
                    + " latent dimensions");
        }
        klPerDimension = klPerDimension.clone();
        classNames = List.copyOf(classNames);
    }

    /** What figures call class {@code label}: its name, else {@code class N}. */
    String className(int label) {
        return label >= 0 && label < classNames.size() ? classNames.get(label) : "class " + label;
    }

    @Override
    public double[] klPerDimension() {
        return klPerDimension.clone();
    }

    /** The size of z. */
    int latentDim() {
        return model.latentDim();
    }

    /** Test examples {@code [from, from + count)}, row-major. */
    float[] testExamples(int from, int count) {
        float[] rows = new float[count * shape.size()];
        for (int i = 0; i < count; i++) {
            test.copyRow(from + i, rows, i);
        }
        return rows;
    }

    /** The labels of test examples {@code [from, from + count)}, or null when the test split has none. */
    int[] testLabels(int from, int count) {
        return SplitRows.labels(test, from, count);
    }

    /** The label of test example {@code index} {@code count} times, or null when the test split has no labels. */
    int[] testLabelRepeated(int index, int count) {
        return test.label(index).map(label -> {
            int[] labels = new int[count];
            Arrays.fill(labels, label);
            return labels;
        }).orElse(null);
    }

    /** {@code count} latent codes drawn from the model's prior, row-major, using {@link #random}. */
    float[] priorDraws(int count) {
        return model.priorDraws(count, random);
    }
}
