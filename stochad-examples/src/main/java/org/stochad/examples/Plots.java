package org.stochad.examples;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.study.OutputFiles;

/** Small XChart helpers: line/marker charts written atomically as PNG. */
public final class Plots {

    private Plots() {
    }

    /**
     * One curve or set of points.
     *
     * @param name   the legend entry
     * @param x      the abscissae
     * @param y      the ordinates
     * @param errors error bars (half-widths) or null
     * @param line   true for a line without markers, false for markers without a line
     */
    public record Series(String name, double[] x, double[] y, double[] errors, boolean line) {

        /**
         * Checks the lengths and copies the arrays.
         *
         * @param name the legend entry
         * @param x the abscissae
         * @param y the ordinates
         * @param errors error bars (half-widths) or null
         * @param line true for a line without markers, false for markers without a line
         */
        public Series {
            if (x.length != y.length || errors != null && errors.length != x.length) {
                throw new IllegalArgumentException("series " + name + ": x, y and errors differ in length");
            }
            x = x.clone();
            y = y.clone();
            errors = errors == null ? null : errors.clone();
        }

        /**
         * @param name legend
         * @param x abscissae
         * @param y ordinates
         * @return a line
         */
        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x, y, null, true);
        }

        /**
         * @param name legend
         * @param x abscissae
         * @param y ordinates
         * @param err error bars or null
         * @return markers
         */
        public static Series points(String name, double[] x, double[] y, double[] err) {
            return new Series(name, x, y, err, false);
        }
    }

    /**
     * Writes an XY chart as PNG.
     *
     * @param target the PNG file (written under a temporary name, then moved)
     * @param title  the chart title
     * @param xLabel the horizontal axis title
     * @param yLabel the vertical axis title
     * @param logX   logarithmic horizontal axis
     * @param logY   logarithmic vertical axis
     * @param series the series
     * @return the target
     */
    public static Path write(Path target, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                             List<Series> series) {
        XYChart chart = new XYChartBuilder().width(800).height(560).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        Styler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        for (Series sr : series) {
            XYSeries xy = sr.errors() == null ? chart.addSeries(sr.name(), sr.x(), sr.y())
                    : chart.addSeries(sr.name(), sr.x(), sr.y(), sr.errors());
            if (sr.line()) {
                xy.setMarker(SeriesMarkers.NONE);
            } else {
                xy.setMarker(SeriesMarkers.CIRCLE);
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
        }
        return OutputFiles.writeAtomically(target, p -> {
            String name = p.toString();
            BitmapEncoder.saveBitmap(chart, name.substring(0, name.length() - ".png".length()),
                    BitmapEncoder.BitmapFormat.PNG);
        });
    }
}
