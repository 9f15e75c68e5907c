package org.vaelab.core.artifacts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code images/traversals.png}: latent traversals in the manner of Higgins et al. 2017
 * ("beta-VAE: Learning basic visual concepts with a constrained variational framework"):
 * starting from the posterior mean of the first test example, one latent dimension at a time is
 * set to each of 9 evenly spaced values in [-3, 3] while the others are held, and the decoder's mean
 * is drawn. One row per dimension, the dimensions with the largest KL first (at most 10), each row
 * labelled with its index (from 0) and KL in nats. A model conditioned on labels decodes every
 * code with the first test example's label.
 */
final class LatentTraversals {

    static final String PATH = "images/traversals.png";
    static final int MAX_DIMENSIONS = 10;
    static final int STEPS = 9;
    private static final double LIMIT = 3.0;

    private LatentTraversals() {
    }

    static Figure figure(FigureInputs inputs) {
        int latentDim = inputs.latentDim();
        double[] kl = inputs.klPerDimension();
        int[] dimensions = IntStream.range(0, latentDim).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -kl[j]))
                .limit(MAX_DIMENSIONS).mapToInt(Integer::intValue).toArray();
        float[] base = inputs.model().posteriorMeans(inputs.testExamples(0, 1), inputs.testLabels(0, 1), 1);
        int count = dimensions.length * STEPS;
        float[] codes = new float[count * latentDim];
        for (int row = 0; row < dimensions.length; row++) {
            for (int step = 0; step < STEPS; step++) {
                int offset = (row * STEPS + step) * latentDim;
                System.arraycopy(base, 0, codes, offset, latentDim);
                codes[offset + dimensions[row]] = (float) value(step);
            }
        }
        float[] images = inputs.model().decoderMeans(codes, inputs.testLabelRepeated(0, count), count);
        List<String> rowLabels = new ArrayList<>();
        for (int dimension : dimensions) {
            rowLabels.add(Double.isNaN(kl[dimension]) ? "z" + dimension
                    : String.format(Locale.ROOT, "z%d  KL %.2f", dimension, kl[dimension]));
        }
        DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        List<String> columnLabels = IntStream.range(0, STEPS).mapToObj(step -> format.format(value(step))).toList();
        return Figure.png(PATH, ImageGrid.labelled(ImageGrid.render(images, count, inputs.shape(), STEPS),
                inputs.shape(), rowLabels, columnLabels));
    }

    /** The value of the traversed dimension in column {@code step}. */
    private static double value(int step) {
        return -LIMIT + 2 * LIMIT * step / (STEPS - 1);
    }
}
