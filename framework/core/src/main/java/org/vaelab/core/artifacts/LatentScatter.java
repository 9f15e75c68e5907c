package org.vaelab.core.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * {@code images/latent_scatter.png}: the posterior means of up to 10,000 test examples in the
 * plane, one colour per class when the data has labels (as in Makhzani et al. 2016, "Adversarial
 * autoencoders", figure 2). A 2-D latent space is drawn as it is; a larger one is projected on its
 * first two principal components ({@link PrincipalComponents}), their share of the variance on the
 * axes.
 */
final class LatentScatter {

    static final String PATH = "images/latent_scatter.png";
    static final int WIDTH = 760;
    static final int HEIGHT = 620;
    private static final int MAX_POINTS = 10_000;
    private static final int MARKER_SIZE = 3;
    private static final int ALPHA = 140;

    private LatentScatter() {
    }

    /** The scatter; the latent space must have at least two dimensions. */
    static Figure figure(FigureInputs inputs) {
        int latentDim = inputs.latentDim();
        if (latentDim < 2) {
            throw new IllegalArgumentException("the latent scatter needs at least 2 latent dimensions, not " + latentDim);
        }
        int count = Math.min(MAX_POINTS, inputs.test().size());
        float[] means = inputs.model().posteriorMeans(inputs.testExamples(0, count), count);
        double[][] points;
        String title = String.format(Locale.ROOT, "Posterior means of %,d test examples", count);
        String xTitle = "z0";
        String yTitle = "z1";
        if (latentDim == 2) {
            points = new double[count][];
            for (int i = 0; i < count; i++) {
                points[i] = new double[] {means[2 * i], means[2 * i + 1]};
            }
        } else {
            PrincipalComponents pca = PrincipalComponents.fit(means, count, latentDim);
            points = pca.project(means, count, 2);
            title += String.format(Locale.ROOT, " (principal components of %d dimensions)", latentDim);
            xTitle = String.format(Locale.ROOT, "PC1 (%.0f%% of the variance)", 100 * pca.varianceFraction(0));
            yTitle = String.format(Locale.ROOT, "PC2 (%.0f%% of the variance)", 100 * pca.varianceFraction(1));
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            groups.computeIfAbsent(inputs.test().label(i).orElse(-1), label -> new ArrayList<>()).add(i);
        }
        XYChart chart = Charts.scatter(title, xTitle, yTitle, WIDTH, HEIGHT, MARKER_SIZE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setLegendVisible(inputs.test().hasLabels());
        int colour = 0;
        for (Map.Entry<Integer, List<Integer>> group : groups.entrySet()) {
            double[] x = group.getValue().stream().mapToDouble(i -> points[i][0]).toArray();
            double[] y = group.getValue().stream().mapToDouble(i -> points[i][1]).toArray();
            String name = group.getKey() < 0 ? "test examples" : "class " + group.getKey();
            chart.addSeries(name, x, y).setMarkerColor(Charts.colour(colour++, ALPHA));
        }
        return Figure.png(PATH, Charts.tile(List.of(chart), 1));
    }
}
