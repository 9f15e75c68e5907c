package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Which plots a study gets for numeric and categorical swept keys, that each is drawn, and how
 * pruned trials are marked on them.
 */
class StudyChartsTest {

    @TempDir
    Path folder;

    @Test
    void aLineChartPerNumericKeyABarChartPerCategoricalKeyAndTheRateDistortionPlane() {
        List<StudyPoint> points = new ArrayList<>();
        for (String beta : List.of("0.5", "1", "4")) {
            for (String likelihood : List.of("{type: bernoulli}", "{type: laplace}")) {
                for (int seed = 0; seed < 2; seed++) {
                    double elbo = -250 - Double.parseDouble(beta) - (likelihood.contains("laplace") ? 40 : 0) - seed;
                    points.add(new StudyPoint(Map.of("kl.beta", beta, "likelihood", likelihood), elbo, -elbo - 10, 10));
                }
            }
        }
        List<Figure> figures = StudyCharts.render(List.of("kl.beta", "likelihood"), points);
        assertEquals(List.of("plots/elbo_vs_kl.beta.png", "plots/elbo_by_likelihood.png", "plots/rate_distortion.png"),
                figures.stream().map(Figure::path).toList());
        for (Figure figure : figures) {
            BufferedImage image = FigureFiles.image(figure, folder);
            assertEquals(720, image.getWidth());
            assertTrue(FigureFiles.colours(image) > 20, figure.path() + " has something drawn on it");
        }
        BufferedImage lines = FigureFiles.image(figures.get(0), folder);
        assertTrue(FigureFiles.hasColourOnWhite(lines, 0x1f77b4, 255, 8), "the first series, bernoulli");
        assertTrue(FigureFiles.hasColourOnWhite(lines, 0xff7f0e, 255, 8), "the second series, laplace");
    }

    @Test
    void disentanglementScoresGetAPlotPerNumericKeyWithALinePerMetric() {
        List<StudyPoint> points = new ArrayList<>();
        for (String beta : List.of("1", "4", "16")) {
            for (int seed = 0; seed < 2; seed++) {
                double b = Double.parseDouble(beta);
                points.add(new StudyPoint(Map.of("kl.beta", beta, "model.latent_dim", "10"), -200 - b, 190, 10,
                        Map.of("disent/mig", b / 20 + seed * 0.01, "disent/dci_disentanglement", 0.8 - b / 40),
                        false));
            }
        }
        List<Figure> figures = StudyCharts.render(List.of("kl.beta", "model.latent_dim"), points);
        assertEquals(List.of("plots/elbo_vs_kl.beta.png", "plots/elbo_vs_model.latent_dim.png",
                "plots/rate_distortion.png", "plots/disentanglement_vs_kl.beta.png",
                "plots/disentanglement_vs_model.latent_dim.png"), figures.stream().map(Figure::path).toList());
        BufferedImage lines = FigureFiles.image(figures.get(3), folder);
        assertTrue(FigureFiles.hasColourOnWhite(lines, 0x1f77b4, 255, 8), "the first metric, dci_disentanglement");
        assertTrue(FigureFiles.hasColourOnWhite(lines, 0xff7f0e, 255, 8), "the second metric, mig");
        List<StudyPoint> withoutScores = points.stream().map(p -> new StudyPoint(p.values(), p.elbo(), p.recon(),
                p.kl())).toList();
        assertEquals(3, StudyCharts.render(List.of("kl.beta", "model.latent_dim"), withoutScores).size(),
                "no disentanglement plot without scores");
    }

    @Test
    void prunedTrialsAreMarkersOfTheirOwnOnTheElboPlotsAndLeaveTheFinishedTrialsLinesAsTheyWere() {
        List<StudyPoint> finished = new ArrayList<>();
        for (String beta : List.of("0.5", "2")) {
            for (String likelihood : List.of("{type: bernoulli}", "{type: laplace}")) {
                finished.add(new StudyPoint(Map.of("kl.beta", beta, "likelihood", likelihood),
                        -250 - Double.parseDouble(beta), 240, 10));
            }
        }
        List<StudyPoint> pruned = List.of(pruned("1", "{type: bernoulli}", -300),
                pruned("2", "{type: bernoulli}", -310), pruned("4", "{type: cauchy}", -320));
        List<StudyPoint> points = new ArrayList<>(finished);
        points.addAll(pruned);
        List<String> keys = List.of("kl.beta", "likelihood");
        Map<String, Chart<?, ?>> charts = StudyCharts.charts(keys, points);
        Map<String, Chart<?, ?>> withoutPruned = StudyCharts.charts(keys, finished);
        assertEquals(withoutPruned.keySet(), charts.keySet(), "the same plots");

        XYChart lines = (XYChart) charts.get("plots/elbo_vs_kl.beta.png");
        XYSeries marked = lines.getSeriesMap().get(StudyCharts.PRUNED);
        assertArrayEquals(new double[] {1, 2, 4}, marked.getXData(), "each pruned trial at its beta");
        assertArrayEquals(new double[] {-300, -310, -320}, marked.getYData(), "at its last test ELBO, at its rung");
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, marked.getXYSeriesRenderStyle(), "markers, no line");
        assertEquals(SeriesMarkers.CROSS, marked.getMarker());
        assertTrue(marked.isShowInLegend());
        XYChart finishedLines = (XYChart) withoutPruned.get("plots/elbo_vs_kl.beta.png");
        assertEquals(finishedLines.getSeriesMap().keySet(), lines.getSeriesMap().keySet().stream()
                .filter(name -> !name.equals(StudyCharts.PRUNED)).collect(Collectors.toSet()));
        finishedLines.getSeriesMap().forEach((name, series) -> assertArrayEquals(series.getYData(),
                lines.getSeriesMap().get(name).getYData(), "the finished trials' means, pruned trials left out"));

        CategoryChart bars = (CategoryChart) charts.get("plots/elbo_by_likelihood.png");
        List<String> categories = List.of("{type: bernoulli}", "{type: laplace}", "{type: cauchy}");
        CategorySeries first = bars.getSeriesMap().get(StudyCharts.PRUNED);
        assertEquals(categories, first.getXData(), "a value whose trials were all pruned has its place too");
        assertEquals(Arrays.asList(-300.0, null, -320.0), first.getYData());
        CategorySeries second = bars.getSeriesMap().get(StudyCharts.PRUNED + " 2");
        assertEquals(Arrays.asList(-310.0, null, null), second.getYData(), "the second pruned bernoulli trial");
        assertFalse(second.isShowInLegend(), "one legend entry for the pruned trials");
        assertEquals(CategorySeries.CategorySeriesRenderStyle.Scatter, second.getChartCategorySeriesRenderStyle());
        assertEquals(List.of(-251.25, -251.25, Double.NaN), bars.getSeriesMap().get("test ELBO").getYData(),
                "the mean of each value's finished trials, none for cauchy");
        assertEquals(4, ((XYChart) charts.get("plots/rate_distortion.png")).getSeriesMap().values().stream()
                .mapToInt(series -> series.getXData().length).sum(), "the rate-distortion plane: finished trials");

        for (Figure figure : StudyCharts.render(keys, points)) {
            BufferedImage image = FigureFiles.image(figure, folder);
            assertTrue(FigureFiles.colours(image) > 20, figure.path() + " is written, with something drawn on it");
        }
    }

    @Test
    void aStudyWithoutFinishedTrialsHasNoPlots() {
        assertFalse(StudyCharts.render(List.of("kl.beta"), List.of()).iterator().hasNext());
        assertTrue(StudyCharts.render(List.of("kl.beta", "likelihood"), List.of(pruned("1", "{type: bernoulli}", -300)))
                .isEmpty(), "pruned trials alone");
    }

    /** A trial pruned at a rung, where its test ELBO was {@code elbo}. */
    private static StudyPoint pruned(String beta, String likelihood, double elbo) {
        return new StudyPoint(Map.of("kl.beta", beta, "likelihood", likelihood), elbo, -elbo - 20, 20, Map.of(), true);
    }
}
