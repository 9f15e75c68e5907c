package org.vaelab.core.artifacts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.vaelab.spi.data.DataSplit;

/**
 * {@code images/latent_scatter.png}: the posterior means of up to 10,000 test examples in the
 * plane, one colour per class when the data has labels (as in Makhzani et al. 2016, "Adversarial
 * autoencoders", figure 2), otherwise shaded by the data's annotation when it has one (the Swiss
 * roll's roll parameter t, in {@value #ANNOTATION_BINS} bins of a sequential colormap). A 2-D latent space is drawn as
 * it is; a larger one is projected on its first two principal components ({@link PrincipalComponents}), their share of
 * the variance on the axes.
 */
final class LatentScatter {

    static final String PATH = "images/latent_scatter.png";
    static final int WIDTH = 760;
    static final int HEIGHT = 620;
    private static final int MAX_POINTS = 10_000;
    private static final int MARKER_SIZE = 3;
    private static final int ALPHA = 140;
    static final int ANNOTATION_BINS = 8;

    /** Examples drawn in one colour under one legend entry. */
    private record Group(String name, List<Integer> members, Color colour) {
    }

    private LatentScatter() {
    }

    /** The scatter; the latent space must have at least two dimensions. */
    static Figure figure(FigureInputs inputs) {
        int latentDim = inputs.latentDim();
        if (latentDim < 2) {
            throw new IllegalArgumentException("the latent scatter needs at least 2 latent dimensions, not "
                    + latentDim);
        }
        int count = Math.min(MAX_POINTS, inputs.test().size());
        float[] means = inputs.model().posteriorMeans(inputs.testExamples(0, count), inputs.testLabels(0, count),
                count);
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
        XYChart chart = Charts.scatter(title, xTitle, yTitle, WIDTH, HEIGHT, MARKER_SIZE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        List<Group> groups = groups(inputs, count);
        chart.getStyler().setLegendVisible(groups.size() > 1);
        for (Group group : groups) {
            double[] x = group.members().stream().mapToDouble(i -> points[i][0]).toArray();
            double[] y = group.members().stream().mapToDouble(i -> points[i][1]).toArray();
            chart.addSeries(group.name(), x, y).setMarkerColor(group.colour());
        }
        return Figure.png(PATH, Charts.tile(List.of(chart), 1));
    }

    /**
     * The first {@code count} test examples by class (named as the data names them), else by
     * annotation bin, else all in one group.
     */
    private static List<Group> groups(FigureInputs inputs, int count) {
        DataSplit split = inputs.test();
        List<Group> groups = new ArrayList<>();
        if (split.hasLabels()) {
            Map<Integer, List<Integer>> classes = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                classes.computeIfAbsent(split.label(i).orElseThrow(), label -> new ArrayList<>()).add(i);
            }
            classes.forEach((label, members) -> groups.add(new Group(inputs.className(label), members,
                    Charts.colour(groups.size(), ALPHA))));
        } else if (split.annotationName().isPresent()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                min = Math.min(min, split.annotation(i));
                max = Math.max(max, split.annotation(i));
            }
            double binWidth = Math.max(max - min, Double.MIN_NORMAL) / ANNOTATION_BINS;
            List<List<Integer>> bins = new ArrayList<>();
            for (int bin = 0; bin < ANNOTATION_BINS; bin++) {
                bins.add(new ArrayList<>());
            }
            for (int i = 0; i < count; i++) {
                bins.get(Math.min(ANNOTATION_BINS - 1, (int) ((split.annotation(i) - min) / binWidth))).add(i);
            }
            for (int bin = 0; bin < ANNOTATION_BINS; bin++) {
                if (!bins.get(bin).isEmpty()) {
                    groups.add(new Group(String.format(Locale.ROOT, "%s %.2f to %.2f", split.annotationName().get(),
                            min + bin * binWidth, min + (bin + 1) * binWidth), bins.get(bin),
                            Charts.sequential((bin + 0.5) / ANNOTATION_BINS, ALPHA)));
                }
            }
        } else {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                all.add(i);
            }
            groups.add(new Group("test examples", all, Charts.colour(0, ALPHA)));
        }
        return groups;
    }
}
