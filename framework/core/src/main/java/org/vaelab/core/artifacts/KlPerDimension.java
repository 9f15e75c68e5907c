package org.vaelab.core.artifacts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * {@code images/kl_per_dimension.png}: a bar per latent dimension, its mean KL(q(z_d|x) || p(z_d))
 * on the test split, in nats; the dimensions with hardly any KL are those the model leaves unused
 * (posterior collapse). Drawn only where the KL per dimension is defined (every value finite).
 */
final class KlPerDimension {

    static final String PATH = "images/kl_per_dimension.png";
    private static final int PIXELS_PER_BAR = 24;
    private static final int MIN_WIDTH = 560;
    private static final int HEIGHT = 420;

    private KlPerDimension() {
    }

    static Optional<Figure> figure(double[] klPerDimension) {
        List<Integer> dimensions = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int d = 0; d < klPerDimension.length; d++) {
            if (!Double.isFinite(klPerDimension[d])) {
                return Optional.empty();
            }
            dimensions.add(d);
            values.add(klPerDimension[d]);
        }
        CategoryChart chart = new CategoryChartBuilder()
                .width(Math.max(MIN_WIDTH, PIXELS_PER_BAR * klPerDimension.length)).height(HEIGHT)
                .title("KL per latent dimension (test split)").xAxisTitle("latent dimension")
                .yAxisTitle("KL (nats per example)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setSeriesColors(new Color[] {Charts.colour(0, 255)});
        chart.getStyler().setYAxisDecimalPattern("0.##");
        chart.addSeries("KL", dimensions, values);
        return Optional.of(Figure.png(PATH, BitmapEncoder.getBufferedImage(chart)));
    }
}
