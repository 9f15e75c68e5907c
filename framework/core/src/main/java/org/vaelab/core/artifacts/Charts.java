package org.vaelab.core.artifacts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The common look of the figures' XChart plots and their tiling into one image. Colours are the
 * "tab10" qualitative palette of Tableau and matplotlib, which stays distinguishable for up to ten
 * series.
 */
final class Charts {

    /** tab10: blue, orange, green, red, purple, brown, pink, grey, olive, cyan. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    /** viridis at 0, 1/4, 1/2, 3/4 and 1. */
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
        new Color(0x5ec962), new Color(0xfde725)};

    private Charts() {
    }

    /**
     * An empty chart of the given size with a white background, a light grid, and the legend in one
     * line below the plot, where it never hides data.
     */
    static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xdddddd));
        styler.setLegendBorderColor(new Color(0xcccccc));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
        return chart;
    }

    /** A chart as {@link #chart}, drawing its series as round points of {@code markerSize} pixels. */
    static XYChart scatter(String title, String xTitle, String yTitle, int width, int height, int markerSize) {
        XYChart chart = chart(title, xTitle, yTitle, width, height);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(markerSize);
        chart.getStyler().setSeriesMarkers(new Marker[] {SeriesMarkers.CIRCLE});
        return chart;
    }

    /** The {@code index}-th palette colour (cycling), with the given opacity out of 255. */
    static Color colour(int index, int alpha) {
        Color base = PALETTE[index % PALETTE.length];
        return new Color(base.getRed(), base.getGreen(), base.getBlue(), alpha);
    }

    /**
     * A colour of the sequential colormap viridis (van der Walt and Smith 2015, matplotlib's
     * default), linearly interpolated between five of its stops, for {@code fraction} in [0, 1].
     */
    static Color sequential(double fraction, int alpha) {
        double position = Math.max(0, Math.min(1, fraction)) * (VIRIDIS.length - 1);
        int low = Math.min((int) position, VIRIDIS.length - 2);
        double t = position - low;
        Color a = VIRIDIS[low];
        Color b = VIRIDIS[low + 1];
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())), alpha);
    }

    /** The charts drawn left to right, top to bottom, {@code columns} per row, each at its own size. */
    static BufferedImage tile(List<XYChart> charts, int columns) {
        int cellWidth = charts.stream().mapToInt(XYChart::getWidth).max().orElseThrow();
        int cellHeight = charts.stream().mapToInt(XYChart::getHeight).max().orElseThrow();
        int used = Math.min(columns, charts.size());
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage out = new BufferedImage(used * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % columns) * cellWidth,
                        (i / columns) * cellHeight, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
