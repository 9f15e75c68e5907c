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
    void aStudyWithoutFinishedTrialsHasNoPlots() {
        assertFalse(StudyCharts.render(List.of("kl.beta"), List.of()).iterator().hasNext());
    }
}
