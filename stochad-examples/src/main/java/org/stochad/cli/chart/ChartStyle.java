package org.stochad.cli.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.stochad.study.OutputFiles;

/**
 * The one look of every {@code stochad} figure: fonts, colours and sizes, axes that stay
 * readable (integer step axes, logarithmic axes labelled at 1, 2 and 5 per decade), and PNG files
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
     * Labels the horizontal axis with whole numbers far enough apart to read (for steps or counts).
     *
     * @param c the chart
     * @return the chart
     */
    public static XYChart integerXAxis(XYChart c) {
        c.getStyler().setXAxisDecimalPattern("#0");
        c.getStyler().setXAxisTickMarkSpacingHint(TICK_SPACING + 30);
        return c;
    }

    /**
     * Makes the horizontal axis logarithmic, labelled at 1, 2 and 5 times each power of ten.
     *
     * @param c the chart
     * @return the chart
     */
    public static XYChart logX(XYChart c) {
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmicDecadeOnly(false);
        c.getStyler().setxAxisTickLabelsFormattingFunction(ChartStyle::logTickLabel);
        return c;
    }

    /**
     * Makes the vertical axis logarithmic, labelled at 1, 2 and 5 times each power of ten.
     *
     * @param c the chart
     * @return the chart
     */
    public static XYChart logY(XYChart c) {
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmicDecadeOnly(false);
        c.getStyler().setyAxisTickLabelsFormattingFunction(ChartStyle::logTickLabel);
        return c;
    }

    /**
     * The label of a tick on a logarithmic axis: the value when its mantissa is 1, 2 or 5, else
     * nothing (the tick mark stays).
     *
     * @param v the tick's value
     * @return its label, or an empty string
     */
    static String logTickLabel(Double v) {
        if (v == null || !(v > 0) || Double.isInfinite(v)) {
            return "";
        }
        double exponent = Math.floor(Math.log10(v) + 1e-9);
        double mantissa = v / Math.pow(10, exponent);
        long m = Math.round(mantissa);
        if (Math.abs(mantissa - m) > 1e-6 || m != 1 && m != 2 && m != 5) {
            return "";
        }
        if (exponent >= -3 && exponent <= 5) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(1)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%de%d", m, (long) exponent);
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
}
