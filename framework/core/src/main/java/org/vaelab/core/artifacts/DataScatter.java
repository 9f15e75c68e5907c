package org.vaelab.core.artifacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * {@code images/data_scatter.png}, for feature vectors: pairwise scatter plots of up to 1,000 test
 * examples, their reconstructions (the decoder's mean at the posterior mean) and as many prior
 * samples (the decoder's mean at z drawn from the prior), in three colours, one panel per pair of the
 * first four features (features counted from 0), three panels to a row.
 */
final class DataScatter {

    static final String PATH = "images/data_scatter.png";
    static final int PANEL_WIDTH = 460;
    static final int PANEL_HEIGHT = 460;
    static final int COLUMNS = 3;
    static final int MAX_FEATURES = 4;
    private static final int MAX_POINTS = 1000;
    private static final int MARKER_SIZE = 4;
    private static final int ALPHA = 110;

    private DataScatter() {
    }

    /** The panels; examples must have at least two features. */
    static Figure figure(FigureInputs inputs) {
        int features = inputs.shape().size();
        if (features < 2) {
            throw new IllegalArgumentException("pairwise scatter plots need at least 2 features, not " + features);
        }
        int count = Math.min(MAX_POINTS, inputs.test().size());
        float[] data = inputs.testExamples(0, count);
        int[] labels = inputs.testLabels(0, count);
        float[] reconstructions = inputs.model().decoderMeans(inputs.model().posteriorMeans(data, labels, count),
                labels, count);
        float[] samples = inputs.model().decoderMeans(inputs.priorDraws(count), labels, count);
        int shown = Math.min(MAX_FEATURES, features);
        List<XYChart> charts = new ArrayList<>();
        for (int a = 0; a < shown; a++) {
            for (int b = a + 1; b < shown; b++) {
                XYChart chart = Charts.scatter(String.format(Locale.ROOT, "feature %d against feature %d", b, a),
                        "feature " + a, "feature " + b, PANEL_WIDTH, PANEL_HEIGHT, MARKER_SIZE);
                add(chart, "test data", data, features, a, b, 0);
                add(chart, "reconstructions", reconstructions, features, a, b, 1);
                add(chart, "prior samples", samples, features, a, b, 2);
                charts.add(chart);
            }
        }
        return Figure.png(PATH, Charts.tile(charts, COLUMNS));
    }

    private static void add(XYChart chart, String name, float[] rows, int width, int a, int b, int colour) {
        int count = rows.length / width;
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = rows[i * width + a];
            y[i] = rows[i * width + b];
        }
        chart.addSeries(name, x, y).setMarkerColor(Charts.colour(colour, ALPHA));
    }
}
