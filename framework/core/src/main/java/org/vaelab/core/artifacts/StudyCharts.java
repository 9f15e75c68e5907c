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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * A study's plots, from its finished trials:
 * <ul>
 *   <li>{@code plots/elbo_vs_KEY.png} for each numeric swept key: the test ELBO against the key, one
 *       line per value of the other swept keys, each point the mean over seeds with error bars of
 *       one standard deviation;</li>
 *   <li>{@code plots/rate_distortion.png}: every trial in the rate-distortion plane, KL (rate)
 *       against the reconstruction term (distortion), labelled by beta when beta is swept (Alemi et
 *       al. 2018, "Fixing a Broken ELBO": beta moves a model along this plane);</li>
 *   <li>{@code plots/elbo_by_KEY.png} for each categorical swept key (such as the likelihood): a bar
 *       per value, the mean test ELBO over the trials with that value, with one standard deviation.</li>
 * </ul>
 */
public final class StudyCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 520;
    private static final String BETA = "kl.beta";

    private StudyCharts() {
    }

    /** The plots of {@code points}, whose values name the swept {@code keys}; none without points. */
    public static List<Figure> render(List<String> keys, List<StudyPoint> points) {
        List<Figure> figures = new ArrayList<>();
        if (points.isEmpty()) {
            return figures;
        }
        for (String key : keys) {
            figures.add(numeric(key, points) ? elboAgainst(key, keys, points) : elboBy(key, points));
        }
        figures.add(rateDistortion(keys, points));
        if (points.stream().anyMatch(p -> !p.disentanglement().isEmpty())) {
            keys.stream().filter(key -> numeric(key, points))
                    .forEach(key -> figures.add(disentanglementAgainst(key, points)));
        }
        return figures;
    }

    /**
     * Every disentanglement score against {@code key}: one line per metric, each value's mean
     * over the trials that share it (seeds and the other keys), with their standard deviation.
     */
    private static Figure disentanglementAgainst(String key, List<StudyPoint> points) {
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
        return Figure.png("plots/disentanglement_vs_" + key + ".png", BitmapEncoder.getBufferedImage(chart));
    }

    private static Figure elboAgainst(String key, List<String> keys, List<StudyPoint> points) {
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
        return Figure.png("plots/elbo_vs_" + key + ".png", BitmapEncoder.getBufferedImage(chart));
    }

    private static Figure rateDistortion(List<String> keys, List<StudyPoint> points) {
        String label = keys.contains(BETA) ? BETA : keys.get(0);
        XYChart chart = Charts.scatter("Rate-distortion plane (test split), by " + label, "rate: KL (nats)",
                "distortion: reconstruction term (nats)", WIDTH, HEIGHT, 9);
        groupBy(points, p -> label + "=" + p.values().get(label)).forEach((name, members) -> chart.addSeries(name,
                members.stream().mapToDouble(StudyPoint::kl).toArray(),
                members.stream().mapToDouble(StudyPoint::recon).toArray()));
        return Figure.png("plots/rate_distortion.png", BitmapEncoder.getBufferedImage(chart));
    }

    private static Figure elboBy(String key, List<StudyPoint> points) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Test ELBO by " + key)
                .xAxisTitle(key).yAxisTitle("test ELBO (nats per example)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setSeriesColors(new Color[] {Charts.colour(0, 255)});
        chart.getStyler().setXAxisLabelRotation(20);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        Map<String, List<StudyPoint>> bars = groupBy(points, p -> p.values().get(key));
        chart.addSeries("test ELBO", new ArrayList<>(bars.keySet()),
                bars.values().stream().map(m -> mean(elbos(m))).toList(),
                bars.values().stream().map(m -> standardDeviation(elbos(m))).toList());
        return Figure.png("plots/elbo_by_" + key + ".png", BitmapEncoder.getBufferedImage(chart));
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
