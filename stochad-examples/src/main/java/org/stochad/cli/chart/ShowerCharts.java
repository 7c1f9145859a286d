package org.stochad.cli.chart;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.shower.LossScan;
import org.stochad.shower.ShowerOptimization;

/** The toy shower's figures: the loss landscape of a scan and the trajectories of an optimisation. */
public final class ShowerCharts {

    /** The running-mean window of the loss panel, in steps. */
    static final int SMOOTHING = 10;

    private ShowerCharts() {
    }

    /**
     * Writes E[ℓ] with a ±2 se band against θ on the left axis, E[D] and the line θ + 0.85 on the
     * right axis, and the minimum marked.
     *
     * @param r      the scan
     * @param target the PNG file
     * @return the target
     */
    public static Path scan(LossScan.Result r, Path target) {
        List<LossScan.Point> points = r.points();
        XYChart c = ChartStyle.xy(r.label() + " configuration: loss landscape (" + r.events()
                + " events per point, common random numbers)", "θ (inner radius)", "E[ℓ] = E[(D − 2)²]");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideN);
        double[] x = points.stream().mapToDouble(LossScan.Point::theta).toArray();
        double[] y = points.stream().mapToDouble(LossScan.Point::loss).toArray();
        double[] e = points.stream().mapToDouble(p -> 2 * p.lossSe()).toArray();
        XYSeries loss = c.addSeries("E[ℓ] ± 2 se", x, y, e);
        loss.setMarker(SeriesMarkers.CIRCLE);
        double lo = points.stream().mapToDouble(p -> p.loss() - 2 * p.lossSe()).min().orElse(0);
        double hi = points.stream().mapToDouble(p -> p.loss() + 2 * p.lossSe()).max().orElse(1);
        XYSeries min = c.addSeries(String.format(Locale.ROOT, "minimum θ = %.2f", r.minimum()),
                new double[] {r.minimum(), r.minimum()}, new double[] {Math.min(lo, 0), hi});
        min.setMarker(SeriesMarkers.NONE);
        XYSeries depth = c.addSeries("E[D] (right axis)", x,
                points.stream().mapToDouble(LossScan.Point::depth).toArray());
        depth.setYAxisGroup(1);
        depth.setMarker(SeriesMarkers.DIAMOND);
        XYSeries ref = c.addSeries("θ + 0.85 (right axis)", x, points.stream().mapToDouble(p -> p.theta() + 0.85)
                .toArray());
        ref.setYAxisGroup(1);
        ref.setMarker(SeriesMarkers.NONE);
        c.setYAxisGroupTitle(1, "E[D] (mean radius of flagged hits)");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return ChartStyle.savePng(c, target);
    }

    /**
     * Writes two panels: the loss per step (mean over runs, smoothed over {@value #SMOOTHING}
     * steps, with the 10–90 % band over runs) and θ per step (mean and 10–90 % band).
     *
     * @param r      the optimisation
     * @param target the PNG file
     * @return the target
     */
    public static Path optimization(ShowerOptimization.Result r, Path target) {
        XYChart loss = panel(r.label() + ": loss per step (mean over runs, 10–90 % band; " + SMOOTHING
                + "-step running mean)", "mean loss of the step's events");
        XYChart theta = panel(r.label() + ": inner radius θ (mean over runs, 10–90 % band)", "θ");
        int i = 0;
        for (ShowerOptimization.EstimatorRuns e : r.estimators()) {
            Color c = ChartStyle.colour(i++);
            double[] x = new double[e.meanLoss().length];
            Arrays.setAll(x, t -> t);
            ChartStyle.band(loss, e.estimator(), x, smooth(e.meanLoss()), smooth(e.lossQuantile(0.1)),
                    smooth(e.lossQuantile(0.9)), c);
            double[] xt = new double[e.meanTheta().length];
            Arrays.setAll(xt, t -> t);
            ChartStyle.band(theta, e.estimator(), xt, e.meanTheta(), e.thetaQuantile(0.1), e.thetaQuantile(0.9), c);
        }
        ChartStyle.logY(loss);
        ChartStyle.integerXAxis(loss);
        ChartStyle.integerXAxis(theta);
        return ChartStyle.savePng(List.of(loss, theta), 1, 2, target);
    }

    private static XYChart panel(String title, String yLabel) {
        XYChart c = ChartStyle.xy(ChartStyle.PANEL_WIDTH, ChartStyle.HEIGHT, title, "Adam step", yLabel);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    /**
     * @param y a series
     * @return its running mean over the last {@value #SMOOTHING} values (fewer at the start)
     */
    static double[] smooth(double[] y) {
        double[] s = new double[y.length];
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            sum += y[t];
            if (t >= SMOOTHING) {
                sum -= y[t - SMOOTHING];
            }
            s[t] = sum / Math.min(t + 1, SMOOTHING);
        }
        return s;
    }
}
