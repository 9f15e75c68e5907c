package org.vaelab.core.artifacts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A study's plots, from its finished trials and, on the plots of the test ELBO against each key,
 * its pruned ones too, each drawn alone at the values of its last evaluation (at the rung where it
 * stopped) with a marker of its own and the legend entry {@value #PRUNED}:
 * <ul>
 *   <li>{@code plots/elbo_vs_KEY.png} for each numeric swept key: the test ELBO against the key, one
 *       line per value of the other swept keys, each point the mean over seeds of the finished
 *       trials with error bars of one standard deviation;</li>
 *   <li>{@code plots/rate_distortion.png}: every trial in the rate-distortion plane, KL (rate)
 *       against the reconstruction term (distortion), labelled by beta when beta is swept (Alemi et
 *       al. 2018, "Fixing a Broken ELBO": beta moves a model along this plane);</li>
 *   <li>{@code plots/elbo_by_KEY.png} for each categorical swept key (such as the likelihood): a bar
 *       per value, the mean test ELBO over the finished trials with that value, with one standard
 *       deviation.</li>
 * </ul>
 * There are no plots before a trial finished.
 */
public final class StudyCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 520;
    private static final String BETA = "kl.beta";
    /** The legend entry of the pruned trials. */
    static final String PRUNED = "pruned at a rung";
    private static final Color PRUNED_COLOUR = new Color(0x7f7f7f);

    private StudyCharts() {
    }

    /** The plots of {@code points}, whose values name the swept {@code keys}; none without a finished point. */
    public static List<Figure> render(List<String> keys, List<StudyPoint> points) {
        List<Figure> figures = new ArrayList<>();
        charts(keys, points).forEach((path, chart) -> figures.add(Figure.png(path,
                BitmapEncoder.getBufferedImage(chart))));
        return figures;
    }

    /** The charts of {@link #render}, by the path of their file, before they are drawn. */
    static Map<String, Chart<?, ?>> charts(List<String> keys, List<StudyPoint> points) {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        List<StudyPoint> finished = points.stream().filter(p -> !p.pruned()).toList();
        if (finished.isEmpty()) {
            return charts;
        }
        List<StudyPoint> pruned = points.stream().filter(StudyPoint::pruned).toList();
        for (String key : keys) {
            if (numeric(key, points)) {
                charts.put("plots/elbo_vs_" + key + ".png", elboAgainst(key, keys, finished, pruned));
            } else {
                charts.put("plots/elbo_by_" + key + ".png", elboBy(key, finished, pruned));
            }
        }
        charts.put("plots/rate_distortion.png", rateDistortion(keys, finished));
        if (finished.stream().anyMatch(p -> !p.disentanglement().isEmpty())) {
            keys.stream().filter(key -> numeric(key, finished)).forEach(key -> charts.put(
                    "plots/disentanglement_vs_" + key + ".png", disentanglementAgainst(key, finished)));
        }
        return charts;
    }

    /**
     * Every disentanglement score against {@code key}: one line per metric, each value's mean
     * over the trials that share it (seeds and the other keys), with their standard deviation.
     */
    private static XYChart disentanglementAgainst(String key, List<StudyPoint> points) {
        XYChart chart = Charts.chart("Disentanglement (test split) against " + key, key, "score", WIDTH, HEIGHT);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        points.stream().flatMap(p -> p.disentanglement().keySet().stream()).distinct().sorted().forEach(metric -> {
            Map<Double, List<Double>> byX = new TreeMap<>();
            points.stream().filter(p -> p.disentanglement().containsKey(metric)).forEach(p -> byX.computeIfAbsent(
                    Double.parseDouble(p.values().get(key)), x -> new ArrayList<>()).add(p.disentanglement()
                    .get(metric)));
            chart.addSeries(metric.substring(metric.indexOf('/') + 1),
                    byX.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    byX.values().stream().mapToDouble(StudyCharts::mean).toArray(),
                    byX.values().stream().mapToDouble(StudyCharts::standardDeviation).toArray());
        });
        return chart;
    }

    private static XYChart elboAgainst(String key, List<String> keys, List<StudyPoint> points,
                                       List<StudyPoint> pruned) {
        XYChart chart = Charts.chart("Test ELBO against " + key, key, "test ELBO (nats per example)", WIDTH, HEIGHT);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        Map<String, List<StudyPoint>> lines = groupBy(points, p -> others(p, key, keys));
        lines.forEach((line, members) -> {
            Map<Double, List<Double>> byX = new TreeMap<>();
            members.forEach(p -> byX.computeIfAbsent(Double.parseDouble(p.values().get(key)), x -> new ArrayList<>())
                    .add(p.elbo()));
            double[] x = byX.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] mean = byX.values().stream().mapToDouble(StudyCharts::mean).toArray();
            double[] spread = byX.values().stream().mapToDouble(StudyCharts::standardDeviation).toArray();
            chart.addSeries(line.isEmpty() ? "mean over seeds" : line, x, mean, spread);
        });
        if (!pruned.isEmpty()) {
            XYSeries series = chart.addSeries(PRUNED,
                    pruned.stream().mapToDouble(p -> Double.parseDouble(p.values().get(key))).toArray(),
                    pruned.stream().mapToDouble(StudyPoint::elbo).toArray());
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CROSS);
            series.setMarkerColor(PRUNED_COLOUR);
        }
        return chart;
    }

    private static XYChart rateDistortion(List<String> keys, List<StudyPoint> points) {
        String label = keys.contains(BETA) ? BETA : keys.get(0);
        XYChart chart = Charts.scatter("Rate-distortion plane (test split), by " + label, "rate: KL (nats)",
                "distortion: reconstruction term (nats)", WIDTH, HEIGHT, 9);
        groupBy(points, p -> label + "=" + p.values().get(label)).forEach((name, members) -> chart.addSeries(name,
                members.stream().mapToDouble(StudyPoint::kl).toArray(),
                members.stream().mapToDouble(StudyPoint::recon).toArray()));
        return chart;
    }

    /**
     * The bars of the finished trials' mean test ELBO by value of {@code key}; the pruned trials'
     * values as markers over their value's place, one series for the k-th pruned trial of each value
     * (a category chart has one value per category and series), the first of them in the legend.
     */
    private static CategoryChart elboBy(String key, List<StudyPoint> points, List<StudyPoint> pruned) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Test ELBO by " + key)
                .xAxisTitle(key).yAxisTitle("test ELBO (nats per example)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(!pruned.isEmpty());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setSeriesColors(new Color[] {Charts.colour(0, 255)});
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        Map<String, List<StudyPoint>> bars = groupBy(points, p -> p.values().get(key));
        Map<String, List<StudyPoint>> prunedByValue = groupBy(pruned, p -> p.values().get(key));
        prunedByValue.keySet().forEach(value -> bars.putIfAbsent(value, List.of()));
        List<String> categories = new ArrayList<>(bars.keySet());
        chart.addSeries("test ELBO", categories, bars.values().stream().map(members -> mean(elbos(members))).toList(),
                bars.values().stream().map(members -> standardDeviation(elbos(members))).toList());
        int markers = prunedByValue.values().stream().mapToInt(List::size).max().orElse(0);
        for (int k = 0; k < markers; k++) {
            int rank = k;
            List<Double> values = categories.stream().map(value -> prunedByValue.getOrDefault(value, List.of()))
                    .map(members -> rank < members.size() ? members.get(rank).elbo() : null).toList();
            CategorySeries series = chart.addSeries(k == 0 ? PRUNED : PRUNED + " " + (k + 1), categories, values);
            series.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CROSS);
            series.setMarkerColor(PRUNED_COLOUR);
            series.setShowInLegend(k == 0);
        }
        return chart;
    }

    /** Whether every value of {@code key} is a number. */
    private static boolean numeric(String key, List<StudyPoint> points) {
        return points.stream().allMatch(p -> p.values().get(key)
                .matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"));
    }

    /** The other swept keys' values of {@code point}, as {@code latent_dim=8, likelihood=...}. */
    private static String others(StudyPoint point, String key, List<String> keys) {
        return keys.stream().filter(other -> !other.equals(key))
                .map(other -> other.substring(other.lastIndexOf('.') + 1) + "=" + point.values().get(other))
                .collect(Collectors.joining(", "));
    }

    /** Groups of points by label, in the order the labels first appear (the study's expansion order). */
    private static Map<String, List<StudyPoint>> groupBy(List<StudyPoint> points,
                                                         Function<StudyPoint, String> label) {
        Map<String, List<StudyPoint>> groups = new LinkedHashMap<>();
        points.forEach(p -> groups.computeIfAbsent(label.apply(p), l -> new ArrayList<>()).add(p));
        return groups;
    }

    private static List<Double> elbos(List<StudyPoint> points) {
        return points.stream().map(StudyPoint::elbo).toList();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The sample standard deviation (n - 1), 0 for a single value. */
    private static double standardDeviation(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = mean(values);
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
    }
}
