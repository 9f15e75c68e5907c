package org.vaelab.core.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.train.GraphFeed;
import org.vaelab.core.train.LatentTerms;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataSplit;

/**
 * How much each latent dimension is used over a split: its mean KL(q(z_d|x) || p(z_d)) and the
 * activity statistic of Burda, Grosse and Salakhutdinov 2016, "Importance Weighted Autoencoders",
 * section 5.2, {@code A_d = Cov_x(E_{q(z|x)}[z_d])}, the variance over the examples of the
 * posterior mean of dimension d (dividing by the number of examples). Dimension d is active when
 * {@code A_d} exceeds {@link #ACTIVITY_THRESHOLD}, 0.01: an inactive dimension has a posterior
 * mean that barely moves with x, so the decoder cannot read anything from it.
 *
 * <p>Either is defined only for some models ({@link LatentTerms}): the KL per dimension where the prior and
 * posterior have it in closed form, the activity where E_q[z] is the encoder's mean; where not defined, its
 * values are NaN, {@link #metrics} leaves it out and {@link #csv} leaves its cells empty.
 *
 * @param klPerDimension the mean over examples of KL(q(z_d|x) || p(z_d)) for each d, nats; they
 *     sum to the mean KL of the split; all NaN where not defined
 * @param posteriorMeanVariance {@code A_d} for each d; all NaN where not defined
 * @param examples how many examples were averaged
 */
public record LatentStatistics(List<Double> klPerDimension, List<Double> posteriorMeanVariance, int examples) {

    /** The activity threshold of Burda et al. 2016, section 5.2. */
    public static final double ACTIVITY_THRESHOLD = 0.01;

    public LatentStatistics {
        klPerDimension = List.copyOf(klPerDimension);
        posteriorMeanVariance = List.copyOf(posteriorMeanVariance);
        if (klPerDimension.size() != posteriorMeanVariance.size()) {
            throw new IllegalArgumentException(klPerDimension.size() + " KL values for "
                    + posteriorMeanVariance.size() + " variances");
        }
    }

    /**
     * The statistics of {@code split} under the encoder of {@code graph}, which it reads through
     * the {@link VaeGraph#Z_MEAN} and {@link VaeGraph#KL_PER_DIMENSION} outputs in batches of
     * {@code batchSize} examples. No noise is involved: both are exact given q(z|x). The
     * variance is accumulated in double with Welford's update, so it stays accurate whatever the
     * split's size and the means' offset. An empty split gives NaN statistics.
     */
    public static LatentStatistics of(VaeGraph graph, DataSplit split, int batchSize) {
        return of(graph, split, batchSize, rows -> { });
    }

    /** {@link #of(VaeGraph, DataSplit, int)}, telling {@code examplesDone} the rows of each batch once counted. */
    public static LatentStatistics of(VaeGraph graph, DataSplit split, int batchSize, IntConsumer examplesDone) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        int latent = graph.latentDim();
        boolean klDefined = graph.latentTerms().klClosedForm();
        boolean activityDefined = graph.latentTerms().posteriorMeanIsEncoderMean();
        double[] klSum = new double[latent];
        double[] mean = new double[latent];
        double[] squaredDeviations = new double[latent];
        for (int start = 0; start < split.size(); start += batchSize) {
            int rows = Math.min(batchSize, split.size() - start);
            INDArray eps = Nd4j.zeros(DataType.FLOAT, (long) graph.samples() * rows, latent);
            Map<String, INDArray> out = graph.output(GraphFeed.ofRows(graph, split, start, rows, eps),
                    klDefined ? new String[] {VaeGraph.Z_MEAN, VaeGraph.KL_PER_DIMENSION}
                            : new String[] {VaeGraph.Z_MEAN});
            double[] kl = klDefined ? out.get(VaeGraph.KL_PER_DIMENSION).castTo(DataType.DOUBLE).dup('c').data()
                    .asDouble() : new double[rows * latent];
            double[] zMean = out.get(VaeGraph.Z_MEAN).castTo(DataType.DOUBLE).dup('c').data().asDouble();
            for (int r = 0; r < rows; r++) {
                int seen = start + r + 1;
                for (int d = 0; d < latent; d++) {
                    klSum[d] += kl[r * latent + d];
                    double value = zMean[r * latent + d];
                    double delta = value - mean[d];
                    mean[d] += delta / seen;
                    squaredDeviations[d] += delta * (value - mean[d]);
                }
            }
            examplesDone.accept(rows);
        }
        int n = split.size();
        List<Double> klMeans = new ArrayList<>(latent);
        List<Double> variances = new ArrayList<>(latent);
        for (int d = 0; d < latent; d++) {
            klMeans.add(klDefined ? klSum[d] / n : Double.NaN);
            variances.add(activityDefined ? squaredDeviations[d] / n : Double.NaN);
        }
        return new LatentStatistics(klMeans, variances, n);
    }

    /** The size of z. */
    public int latentDim() {
        return klPerDimension.size();
    }

    /** Whether the KL per dimension is defined for the model: its prior and posterior have it in closed form. */
    public boolean klPerDimensionDefined() {
        return klPerDimension.stream().noneMatch(value -> value.isNaN());
    }

    /** Whether the activity of dimensions is defined for the model: E_q[z] is the encoder's mean. */
    public boolean activityDefined() {
        return posteriorMeanVariance.stream().noneMatch(value -> value.isNaN());
    }

    /** Whether dimension {@code d} is active: its {@code A_d} exceeds {@link #ACTIVITY_THRESHOLD}. */
    public boolean isActive(int d) {
        return posteriorMeanVariance.get(d) > ACTIVITY_THRESHOLD;
    }

    /**
     * How many dimensions are active.
     *
     * @throws IllegalStateException where the activity is not defined ({@link #activityDefined})
     */
    public int activeUnits() {
        if (!activityDefined()) {
            throw new IllegalStateException("the activity of latent dimensions is not defined for this posterior");
        }
        int active = 0;
        for (int d = 0; d < latentDim(); d++) {
            if (isActive(d)) {
                active++;
            }
        }
        return active;
    }

    /**
     * Whether {@code metric} is one of the names {@link #metrics} gives statistics of {@code split},
     * or the per-dimension names runs logged before the statistics moved to {@link #csv}
     * ({@code <split>/kl_dim/<d>}, {@code <split>/posterior_mean_var/<d>}), so that such a run,
     * resumed, still drops them with the rest of its final evaluation.
     */
    public static boolean names(String split, String metric) {
        return metric.equals(split + "/active_units") || metric.matches(Pattern.quote(split)
                + "/(kl_dim|posterior_mean_var)/\\d+");
    }

    /**
     * The statistics as metrics of the split called {@code split}: {@code <split>/active_units}
     * where the activity is defined. The values of each dimension are a table ({@link #csv}), not
     * metrics: dozens of one-point metrics would bury a tracker's charts.
     */
    public Map<String, Double> metrics(String split) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (activityDefined()) {
            metrics.put(split + "/active_units", (double) activeUnits());
        }
        return metrics;
    }

    /**
     * One row per dimension: {@code dimension,kl,posterior_mean_var,active}, values as Java writes
     * doubles, a value not defined for the model left empty.
     */
    public String csv() {
        StringBuilder out = new StringBuilder("dimension,kl,posterior_mean_var,active\n");
        for (int d = 0; d < latentDim(); d++) {
            out.append(d).append(',').append(cell(klPerDimension.get(d))).append(',')
                    .append(cell(posteriorMeanVariance.get(d))).append(',')
                    .append(activityDefined() ? Boolean.toString(isActive(d)) : "").append('\n');
        }
        return out.toString();
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
