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
import org.vaelab.spi.latent.StochasticLayer;

/**
 * How much each latent dimension is used over a split: its mean KL(q(z_d|x) || p(z_d)) and the
 * activity statistic of Burda, Grosse and Salakhutdinov 2016, "Importance Weighted Autoencoders",
 * section 5.2, {@code A_d = Cov_x(E_{q(z|x)}[z_d])}, the variance over the examples of the
 * posterior mean of dimension d (dividing by the number of examples). Dimension d is active when
 * {@code A_d} exceeds {@link #ACTIVITY_THRESHOLD}, 0.01: an inactive dimension has a posterior
 * mean that barely moves with x, so the decoder cannot read anything from it.
 *
 * <p>Either is defined only for some models ({@link LatentTerms}): the KL per dimension where the prior and
 * posterior have it in closed form, the activity where E_q[z] is the encoder's mean or the posterior has several
 * stochastic layers; where not defined, its values are NaN, {@link #metrics} leaves it out and {@link #csv} leaves
 * its cells empty.
 *
 * <p>A posterior over several stochastic layers (z = [z1, z2] of the two-layer VAE, Burda et al. section 5) has its
 * activity measured on its code, each layer's posterior mean E_q[u|x] or the approximation it documents, and its
 * active units counted per layer as Burda et al. count them (section 5.2), as well as in all.
 *
 * @param klPerDimension the mean over examples of KL(q(z_d|x) || p(z_d)) for each d, nats; they
 *     sum to the mean KL of the split; all NaN where not defined
 * @param posteriorMeanVariance {@code A_d} for each d; all NaN where not defined
 * @param examples how many examples were averaged
 * @param layers the stochastic layers of z, in column order, where there are several; empty for one layer
 */
public record LatentStatistics(List<Double> klPerDimension, List<Double> posteriorMeanVariance, int examples,
                               List<StochasticLayer> layers) {

    /** The activity threshold of Burda et al. 2016, section 5.2. */
    public static final double ACTIVITY_THRESHOLD = 0.01;

    public LatentStatistics {
        klPerDimension = List.copyOf(klPerDimension);
        posteriorMeanVariance = List.copyOf(posteriorMeanVariance);
        if (klPerDimension.size() != posteriorMeanVariance.size()) {
            throw new IllegalArgumentException(klPerDimension.size() + " KL values for "
                    + posteriorMeanVariance.size() + " variances");
        }
        layers = List.copyOf(layers);
        int columns = layers.stream().mapToInt(StochasticLayer::width).sum();
        if (!layers.isEmpty() && columns != klPerDimension.size()) {
            throw new IllegalArgumentException("the layers " + layers + " hold " + columns + " columns of the "
                    + klPerDimension.size() + " of z");
        }
    }

    /**
     * The statistics of {@code split} under the encoder of {@code graph}, which it reads through
     * the {@link VaeGraph#Z_MEAN} (or, for a posterior over several stochastic layers, {@link VaeGraph#Z_CODE})
     * and {@link VaeGraph#KL_PER_DIMENSION} outputs in batches of
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
        List<StochasticLayer> layers = graph.latentTerms().layers();
        boolean activityDefined = graph.latentTerms().posteriorMeanIsEncoderMean() || !layers.isEmpty();
        String posteriorMean = layers.isEmpty() ? VaeGraph.Z_MEAN : VaeGraph.Z_CODE;
        double[] klSum = new double[latent];
        double[] mean = new double[latent];
        double[] squaredDeviations = new double[latent];
        for (int start = 0; start < split.size(); start += batchSize) {
            int rows = Math.min(batchSize, split.size() - start);
            INDArray eps = Nd4j.zeros(DataType.FLOAT, (long) graph.samples() * rows, latent);
            Map<String, INDArray> out = graph.output(GraphFeed.ofRows(graph, split, start, rows, eps),
                    klDefined ? new String[] {posteriorMean, VaeGraph.KL_PER_DIMENSION}
                            : new String[] {posteriorMean});
            double[] kl = klDefined ? out.get(VaeGraph.KL_PER_DIMENSION).castTo(DataType.DOUBLE).dup('c').data()
                    .asDouble() : new double[rows * latent];
            double[] zMean = out.get(posteriorMean).castTo(DataType.DOUBLE).dup('c').data().asDouble();
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
        return new LatentStatistics(klMeans, variances, n, layers);
    }

    /** The size of z. */
    public int latentDim() {
        return klPerDimension.size();
    }

    /** Whether the KL per dimension is defined for the model: its prior and posterior have it in closed form. */
    public boolean klPerDimensionDefined() {
        return klPerDimension.stream().noneMatch(value -> value.isNaN());
    }

    /**
     * Whether the activity of dimensions is defined for the model: E_q[z] is the encoder's mean, or the posterior
     * gives each stochastic layer's posterior mean.
     */
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
        return activeUnits(0, latentDim());
    }

    /**
     * How many dimensions of each stochastic layer are active, by layer name in column order; empty for a model
     * with one layer.
     *
     * @throws IllegalStateException where the activity is not defined ({@link #activityDefined})
     */
    public Map<String, Integer> activeUnitsByLayer() {
        Map<String, Integer> active = new LinkedHashMap<>();
        int from = 0;
        for (StochasticLayer layer : layers) {
            active.put(layer.name(), activeUnits(from, from + layer.width()));
            from += layer.width();
        }
        return active;
    }

    /**
     * The active units as a run's summary says them: {@code 16 of 50}, or for several stochastic layers the total
     * and each layer, {@code 100 of 150 (z1: 99 of 100, z2: 1 of 50)}.
     *
     * @throws IllegalStateException where the activity is not defined ({@link #activityDefined})
     */
    public String describeActiveUnits() {
        StringBuilder out = new StringBuilder(activeUnits() + " of " + latentDim());
        if (!layers.isEmpty()) {
            Map<String, Integer> active = activeUnitsByLayer();
            List<String> parts = new ArrayList<>();
            for (StochasticLayer layer : layers) {
                parts.add(layer.name() + ": " + active.get(layer.name()) + " of " + layer.width());
            }
            out.append(" (").append(String.join(", ", parts)).append(')');
        }
        return out.toString();
    }

    private int activeUnits(int from, int to) {
        if (!activityDefined()) {
            throw new IllegalStateException("the activity of latent dimensions is not defined for this posterior");
        }
        int active = 0;
        for (int d = from; d < to; d++) {
            if (isActive(d)) {
                active++;
            }
        }
        return active;
    }

    /** The name of the stochastic layer that holds dimension {@code d}; only for a model with several layers. */
    private String layerOf(int d) {
        int end = 0;
        for (StochasticLayer layer : layers) {
            end += layer.width();
            if (d < end) {
                return layer.name();
            }
        }
        throw new IndexOutOfBoundsException("dimension " + d + " of " + latentDim());
    }

    /**
     * Whether {@code metric} is one of the names {@link #metrics} gives statistics of {@code split}
     * ({@code <split>/active_units}, {@code <split>/active_units/<layer>}),
     * or the per-dimension names runs logged before the statistics moved to {@link #csv}
     * ({@code <split>/kl_dim/<d>}, {@code <split>/posterior_mean_var/<d>}), so that such a run,
     * resumed, still drops them with the rest of its final evaluation.
     */
    public static boolean names(String split, String metric) {
        return metric.matches(Pattern.quote(split) + "/active_units(/[A-Za-z0-9_]+)?")
                || metric.matches(Pattern.quote(split) + "/(kl_dim|posterior_mean_var)/\\d+");
    }

    /**
     * The statistics as metrics of the split called {@code split}: {@code <split>/active_units}
     * where the activity is defined, followed for a model with several stochastic layers by
     * {@code <split>/active_units/<layer>} for each layer. The values of each dimension are a table ({@link #csv}), not
     * metrics: dozens of one-point metrics would bury a tracker's charts.
     */
    public Map<String, Double> metrics(String split) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (activityDefined()) {
            metrics.put(split + "/active_units", (double) activeUnits());
            activeUnitsByLayer().forEach((layer, active) -> metrics.put(split + "/active_units/" + layer,
                    (double) active));
        }
        return metrics;
    }

    /**
     * One row per dimension: {@code dimension,kl,posterior_mean_var,active}, values as Java writes
     * doubles, a value not defined for the model left empty; for a model with several stochastic layers,
     * {@code dimension,layer,kl,posterior_mean_var,active}, the layer's name in its column.
     */
    public String csv() {
        StringBuilder out = new StringBuilder(layers.isEmpty() ? "dimension,kl,posterior_mean_var,active\n"
                : "dimension,layer,kl,posterior_mean_var,active\n");
        for (int d = 0; d < latentDim(); d++) {
            out.append(d).append(',');
            if (!layers.isEmpty()) {
                out.append(layerOf(d)).append(',');
            }
            out.append(cell(klPerDimension.get(d))).append(',')
                    .append(cell(posteriorMeanVariance.get(d))).append(',')
                    .append(activityDefined() ? Boolean.toString(isActive(d)) : "").append('\n');
        }
        return out.toString();
    }

    private static String cell(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
