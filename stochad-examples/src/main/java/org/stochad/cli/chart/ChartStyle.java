package org.stochad.cli.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.study.OutputFiles;

/**
 * The one look of every {@code stochad} figure: fonts, colours and sizes, axes that stay
 * readable (integer step axes, logarithmic axes labelled per decade in plain decimals), and PNG files
 * written atomically (under a temporary name, then moved).
 */
public final class ChartStyle {

    /** Width of a single chart, pixels. */
    public static final int WIDTH = 800;
    /** Height of a single chart, pixels. */
    public static final int HEIGHT = 560;
    /** Width of one panel of a multi-panel figure, pixels. */
    public static final int PANEL_WIDTH = 720;
    /** The font family of every text. */
    public static final String FONT = Font.SANS_SERIF;
    /** Chart titles. */
    public static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 14);
    /** Axis titles. */
    public static final Font AXIS_TITLE_FONT = new Font(FONT, Font.PLAIN, 13);
    /** Tick labels and legends. */
    public static final Font LABEL_FONT = new Font(FONT, Font.PLAIN, 12);
    /** Distance between tick labels that the axes aim for, pixels. */
    public static final int TICK_SPACING = 90;

    private static final String SPACER = "\u2063axis spacer";

    private static final List<Color> PALETTE = List.of(new Color(128, 0, 0), new Color(255, 140, 0),
            new Color(70, 130, 180), new Color(34, 139, 34), new Color(120, 60, 160), Color.DARK_GRAY,
            new Color(200, 30, 120), new Color(0, 150, 150));

    private ChartStyle() {
    }

    /**
     * @param index a series' index, &ge; 0
     * @return its colour: the palette's colours in turn
     */
    public static Color colour(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index = " + index + " is negative");
        }
        return PALETTE.get(index % PALETTE.size());
    }

    /**
     * @param c     a colour
     * @param alpha its opacity, 0–255
     * @return the colour with that opacity
     */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * @param title  the chart's title
     * @param xLabel the horizontal axis title
     * @param yLabel the vertical axis title
     * @return an empty chart of the standard size in the standard style
     */
    public static XYChart xy(String title, String xLabel, String yLabel) {
        return xy(WIDTH, HEIGHT, title, xLabel, yLabel);
    }

    /**
     * @param width  pixels
     * @param height pixels
     * @param title  the chart's title
     * @param xLabel the horizontal axis title
     * @param yLabel the vertical axis title
     * @return an empty chart of that size in the standard style
     */
    public static XYChart xy(int width, int height, String title, String xLabel, String yLabel) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        XYStyler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleFont(TITLE_FONT);
        s.setAxisTitleFont(AXIS_TITLE_FONT);
        s.setAxisTickLabelsFont(LABEL_FONT);
        s.setLegendFont(LABEL_FONT);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendBorderColor(Color.WHITE);
        s.setXAxisTickMarkSpacingHint(TICK_SPACING);
        s.setYAxisTickMarkSpacingHint(TICK_SPACING * 2 / 3);
        s.setSeriesColors(PALETTE.toArray(new Color[0]));
        return c;
    }

    /**
     * Labels the horizontal axis with whole numbers at round intervals far enough apart to read
     * (for steps or counts). Call it after adding the data: XChart labels equally spaced data
     * point by point, which crowds the labels ("195210225…"), so an invisible one-point series
     * between the first two abscissae switches it to round intervals.
     *
     * @param c the chart, with at least one series of two or more points
     * @return the chart
     */
    public static XYChart integerXAxis(XYChart c) {
        c.getStyler().setXAxisDecimalPattern("#0");
        XYSeries data = c.getSeriesMap().values().stream().filter(s -> s.getXData().length >= 2).findFirst()
                .orElse(null);
        if (data != null && !c.getSeriesMap().containsKey(SPACER)) {
            double[] x = data.getXData();
            XYSeries spacer = c.addSeries(SPACER, new double[] {(x[0] + x[1]) / 2}, new double[] {data.getYData()[0]});
            spacer.setMarker(SeriesMarkers.NONE);
            spacer.setShowInLegend(false);
            spacer.setLineColor(translucent(Color.WHITE, 0));
        }
        return c;
    }

    /** Tick labels of logarithmic axes: plain decimals (0.01, 10, 1,000), never 1E-2. */
    public static final String LOG_LABELS = "#,##0.######";

    /**
     * Makes the horizontal axis logarithmic, labelled once per power of ten in plain decimals.
     *
     * @param c the chart
     * @return the chart
     */
    public static XYChart logX(XYChart c) {
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmicDecadeOnly(true);
        c.getStyler().setXAxisDecimalPattern(LOG_LABELS);
        return c;
    }

    /**
     * Makes the vertical axis logarithmic, labelled once per power of ten in plain decimals.
     *
     * @param c the chart
     * @return the chart
     */
    public static XYChart logY(XYChart c) {
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmicDecadeOnly(true);
        c.getStyler().setYAxisDecimalPattern(LOG_LABELS);
        return c;
    }

    /**
     * Writes one chart as a PNG file.
     *
     * @param chart  the chart
     * @param target the file, ending in .png
     * @return the target
     */
    public static Path savePng(Chart<?, ?> chart, Path target) {
        return savePng(List.of(chart), 1, 1, target);
    }

    /**
     * Writes charts side by side (or in a grid) as one PNG file.
     *
     * @param charts  the charts, row by row
     * @param rows    grid rows
     * @param columns grid columns
     * @param target  the file, ending in .png
     * @return the target
     */
    public static Path savePng(List<? extends Chart<?, ?>> charts, int rows, int columns, Path target) {
        requirePng(target);
        List<Chart<?, ?>> all = List.copyOf(charts);
        return OutputFiles.writeAtomically(target, p -> {
            String s = p.toString();
            String base = s.substring(0, s.length() - ".png".length());
            if (all.size() == 1) {
                BitmapEncoder.saveBitmap(all.get(0), base, BitmapEncoder.BitmapFormat.PNG);
            } else {
                BitmapEncoder.saveBitmap(all, rows, columns, base, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    /**
     * Writes a drawn image as a PNG file.
     *
     * @param image  the image
     * @param target the file, ending in .png
     * @return the target
     */
    public static Path savePng(BufferedImage image, Path target) {
        requirePng(target);
        return OutputFiles.writeAtomically(target, p -> {
            if (!ImageIO.write(image, "png", p.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static void requirePng(Path target) {
        if (target == null || !target.getFileName().toString().endsWith(".png")) {
            throw new IllegalArgumentException("target = " + target + " is not a .png file");
        }
    }

    /**
     * Adds a mean line with its 10–90 % band (a translucent polygon) to a chart; values are floored
     * at 1e-6 so that the band can be drawn on a log axis.
     *
     * @param c     the chart
     * @param name  the line's legend name
     * @param x     the x values
     * @param mean  the mean at each x
     * @param lo    the 10 % quantile at each x
     * @param hi    the 90 % quantile at each x
     * @param color the line's colour
     */
    static void band(XYChart c, String name, double[] x, double[] mean, double[] lo, double[] hi,
                             Color color) {
        int n = x.length;
        double[] px = new double[2 * n + 1];
        double[] py = new double[2 * n + 1];
        for (int t = 0; t < n; t++) {
            px[t] = x[t];
            py[t] = Math.max(hi[t], 1e-6);
            px[2 * n - 1 - t] = x[t];
            py[2 * n - 1 - t] = Math.max(lo[t], 1e-6);
        }
        px[2 * n] = px[0];
        py[2 * n] = py[0];
        XYSeries area = c.addSeries(name + " 10–90 %", px, py);
        area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        area.setFillColor(ChartStyle.translucent(color, 50));
        area.setLineColor(ChartStyle.translucent(color, 0));
        area.setMarker(SeriesMarkers.NONE);
        area.setShowInLegend(false);
        double[] m = mean.clone();
        for (int t = 0; t < n; t++) {
            m[t] = Math.max(m[t], 1e-6);
        }
        XYSeries line = c.addSeries(name, x, m);
        line.setLineColor(color);
        line.setMarker(SeriesMarkers.NONE);
    }
}
