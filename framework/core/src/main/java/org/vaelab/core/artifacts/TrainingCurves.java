package org.vaelab.core.artifacts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code images/training_curves.png}: a run's {@code metrics.csv} ({@code step,epoch,metric,value})
 * against the global step, in up to four panels, two to a row: the training loss and
 * reconstruction term, the training KL (with the target capacity of a capacity schedule when it is
 * not zero; on its own panel because it is often two orders of magnitude smaller), the KL weight,
 * and the held-out ELBO (validation and test). A panel without any of its metrics is left out;
 * non-finite values are skipped.
 */
final class TrainingCurves {

    static final String PATH = "images/training_curves.png";
    static final int PANEL_WIDTH = 560;
    static final int PANEL_HEIGHT = 420;
    static final int COLUMNS = 2;
    /** Metrics drawn only when some value is not zero. */
    private static final Set<String> SHOWN_WHEN_NOT_ZERO = Set.of("kl/capacity");
    private static final List<Panel> PANELS = List.of(
            new Panel("Training loss and reconstruction term", "nats per example", List.of("train/loss", "train/recon"),
                    false),
            new Panel("Training KL", "nats per example", List.of("train/kl", "kl/capacity"), false),
            new Panel("KL weight", "weight", List.of("kl/weight"), false),
            new Panel("Held-out ELBO", "nats per example", List.of("val/elbo", "test/elbo"), true));

    private TrainingCurves() {
    }

    /** The curves of {@code metricsCsv}, or nothing when it does not exist or holds none of them. */
    static Optional<Figure> figure(Path metricsCsv) throws IOException {
        if (!Files.isRegularFile(metricsCsv)) {
            return Optional.empty();
        }
        Map<String, Curve> curves = read(metricsCsv);
        List<XYChart> charts = new ArrayList<>();
        for (Panel panel : PANELS) {
            List<Curve> shown = panel.metrics().stream().filter(curves::containsKey).map(curves::get)
                    .filter(curve -> !SHOWN_WHEN_NOT_ZERO.contains(curve.metric()) || curve.hasNonZero()).toList();
            if (shown.isEmpty()) {
                continue;
            }
            XYChart chart = Charts.chart(panel.title(), "step", panel.yTitle(), PANEL_WIDTH, PANEL_HEIGHT);
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setXAxisDecimalPattern("0");
            chart.getStyler().setYAxisDecimalPattern("0.###");
            for (Curve curve : shown) {
                XYSeries series = chart.addSeries(curve.metric(), curve.steps(), curve.values());
                series.setMarker(panel.markers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
            charts.add(chart);
        }
        return charts.isEmpty() ? Optional.empty() : Optional.of(Figure.png(PATH, Charts.tile(charts, COLUMNS)));
    }

    /** The finite values of every metric in the file, in file order. */
    private static Map<String, Curve> read(Path metricsCsv) throws IOException {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(metricsCsv, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                double value = Double.parseDouble(record.get("value"));
                if (Double.isFinite(value)) {
                    points.computeIfAbsent(record.get("metric"), metric -> new ArrayList<>())
                            .add(new double[] {Double.parseDouble(record.get("step")), value});
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(metricsCsv + ": not a step,epoch,metric,value table: " + e.getMessage(), e);
        }
        Map<String, Curve> curves = new LinkedHashMap<>();
        points.forEach((metric, list) -> curves.put(metric, new Curve(metric,
                list.stream().mapToDouble(p -> p[0]).toArray(), list.stream().mapToDouble(p -> p[1]).toArray())));
        return curves;
    }

    /** One panel: its title, y-axis title, the metrics it may show, and whether points get markers. */
    private record Panel(String title, String yTitle, List<String> metrics, boolean markers) {
    }

    /** One metric's points. */
    private record Curve(String metric, double[] steps, double[] values) {

        boolean hasNonZero() {
            for (double value : values) {
                if (value != 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
