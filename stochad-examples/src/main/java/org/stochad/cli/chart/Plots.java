package org.stochad.cli.chart;

import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line and marker charts of the worked examples, in the {@link ChartStyle}, written atomically as PNG. */
public final class Plots {

    private Plots() {
    }

    /** How an axis is scaled and labelled. */
    public enum Axis {
        /** Linear, with the library's decimal labels. */
        LINEAR,
        /** Linear, labelled with whole numbers far enough apart to read (steps, counts). */
        STEPS,
        /** Logarithmic, labelled per decade in plain decimals. */
        LOG
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
     * @param x      the horizontal axis' scale
     * @param y      the vertical axis' scale
     * @param series the series
     * @return the target
     */
    public static Path write(Path target, String title, String xLabel, String yLabel, Axis x, Axis y,
                             List<Series> series) {
        XYChart chart = ChartStyle.xy(title, xLabel, yLabel);
        if (x == Axis.LOG) {
            ChartStyle.logX(chart);
        }
        if (y == Axis.LOG) {
            ChartStyle.logY(chart);
        }
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
        if (x == Axis.STEPS) {
            ChartStyle.integerXAxis(chart);
        }
        return ChartStyle.savePng(chart, target);
    }
}
