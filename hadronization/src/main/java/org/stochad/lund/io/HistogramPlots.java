package org.stochad.lund.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.lund.observable.Histogram;
import org.stochad.study.OutputFiles;

/** PNG plots of histograms (per-event densities with error bars) with XChart. */
public final class HistogramPlots {

    private HistogramPlots() {
    }

    /**
     * @param target the PNG file
     * @param h      the histogram
     * @param xTitle the x-axis title
     * @param yTitle the y-axis title
     * @param logY   logarithmic y axis
     * @throws java.io.UncheckedIOException on failure
     */
    public static void writePng(Path target, Histogram h, String xTitle, String yTitle, boolean logY) {
        XYChart chart = new XYChartBuilder().width(800).height(560).title(h.title()).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisLogarithmic(logY);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> err = new ArrayList<>();
        List<Double> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        double[] e = h.edges();
        for (int i = 0; i < h.bins(); i++) {
            double d = h.density(i);
            if (logY && !(d > 0)) {
                continue;
            }
            x.add(0.5 * (e[i] + e[i + 1]));
            y.add(d);
            err.add(h.densityError(i));
            sx.add(e[i]);
            sy.add(d);
            sx.add(e[i + 1]);
            sy.add(d);
        }
        XYSeries steps = chart.addSeries("steps", sx, sy);
        steps.setMarker(SeriesMarkers.NONE);
        // error bars on a log axis must stay positive: drop them there
        XYSeries points = logY ? chart.addSeries(h.path(), x, y) : chart.addSeries(h.path(), x, y, err);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        OutputFiles.writeAtomically(target,
                p -> BitmapEncoder.saveBitmap(chart, p.toString(), BitmapEncoder.BitmapFormat.PNG));
    }
}
