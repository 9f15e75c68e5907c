package org.vaelab.core.artifacts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.vaelab.core.eval.disentanglement.DisentanglementMetrics;
import org.vaelab.core.eval.disentanglement.FactorCodes;
import org.vaelab.core.eval.disentanglement.MutualInformationGap;
import org.vaelab.spi.data.Factor;
import org.vaelab.spi.data.FactorTable;

/**
 * {@code images/traversals.png}: latent traversals in the manner of Higgins et al. 2017
 * ("beta-VAE: Learning basic visual concepts with a constrained variational framework"):
 * starting from the posterior mean of the first test example, one latent dimension at a time is
 * set to each of 9 evenly spaced values in [-3, 3] while the others are held, and the decoder's mean
 * is drawn. One row per dimension, the dimensions with the largest KL first (at most 10), each row
 * labelled with its index (from 0) and KL in nats. On data with ground-truth factors, each row's
 * label also names the factor the dimension holds most information about, with the share of that
 * factor's entropy it holds, {@code I(z_j; v_k) / H(v_k)} (the normalised mutual information of
 * the MIG, Chen et al. 2018, on the posterior means of up to {@link #FACTOR_POINTS} test
 * examples). A model conditioned on labels decodes every code with the first test example's label.
 */
final class LatentTraversals {

    static final String PATH = "images/traversals.png";
    static final int MAX_DIMENSIONS = 10;
    static final int STEPS = 9;
    static final int FACTOR_POINTS = 2000;
    private static final double LIMIT = 3.0;
    private static final int BINS = 20;

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
        Optional<FactorLabels> factors = inputs.test().factors().map(table -> FactorLabels.of(inputs, table));
        for (int dimension : dimensions) {
            String label = Double.isNaN(kl[dimension]) ? "z" + dimension
                    : String.format(Locale.ROOT, "z%d  KL %.2f", dimension, kl[dimension]);
            rowLabels.add(factors.map(f -> label + "\n" + f.of(dimension)).orElse(label));
        }
        DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        List<String> columnLabels = IntStream.range(0, STEPS).mapToObj(step -> format.format(value(step))).toList();
        return Figure.png(PATH, ImageGrid.labelled(ImageGrid.render(images, count, inputs.shape(), STEPS),
                inputs.shape(), rowLabels, columnLabels));
    }

    /** For each latent dimension, the factor it holds most information about and its share of it. */
    record FactorLabels(List<String> names, double[][] information) {

        /** The labels for {@code inputs}' model on the first {@link #FACTOR_POINTS} test examples. */
        static FactorLabels of(FigureInputs inputs, FactorTable table) {
            int count = Math.min(FACTOR_POINTS, inputs.test().size());
            int latentDim = inputs.latentDim();
            float[] means = inputs.model().posteriorMeans(inputs.testExamples(0, count), inputs.testLabels(0, count),
                    count);
            double[][] codes = new double[count][latentDim];
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < latentDim; j++) {
                    codes[i][j] = means[i * latentDim + j];
                }
            }
            FactorCodes pool = DisentanglementMetrics.pool(codes, table.slice(0, count));
            return new FactorLabels(table.factors().stream().map(Factor::name).toList(),
                    MutualInformationGap.normalizedInformation(pool, BINS));
        }

        /** Dimension {@code j}'s line: the factor of the largest share, and the share, such as {@code pos_x 0.62}. */
        String of(int j) {
            int best = 0;
            for (int k = 1; k < names.size(); k++) {
                if (information[j][k] > information[j][best]) {
                    best = k;
                }
            }
            return String.format(Locale.ROOT, "%s %.2f", names.get(best), information[j][best]);
        }
    }

    /** The value of the traversed dimension in column {@code step}. */
    private static double value(int step) {
        return -LIMIT + 2 * LIMIT * step / (STEPS - 1);
    }
}
