package org.vaelab.core.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which plots a study gets for numeric and categorical swept keys, and that each is drawn. */
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
                        Map.of("disent/mig", b / 20 + seed * 0.01, "disent/dci_disentanglement", 0.8 - b / 40)));
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
    void aStudyWithoutFinishedTrialsHasNoPlots() {
        assertFalse(StudyCharts.render(List.of("kl.beta"), List.of()).iterator().hasNext());
    }
}
