package org.stochad.cli.lund;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.lund.LundSettings;
import org.stochad.lund.fit.FitReport;
import org.stochad.lund.fit.FitResult;
import org.stochad.lund.fit.FitSummary;
import org.stochad.lund.observable.Histogram;
import org.stochad.lund.study.ComparisonResult;
import org.stochad.lund.study.EstimateRow;
import org.stochad.lund.study.GradientComparison;
import org.stochad.study.OutputFiles;
import org.stochad.study.StudyResult;
import org.stochad.study.StudyRow;

/**
 * The charts of {@code stochad hadron}: generator histograms with error bars, fit trajectories,
 * losses and effective sample sizes, and the estimator comparison's pulls and variances. Every
 * chart names the settings it was made with in its title.
 */
public final class HadronCharts {

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2),
        new Color(0x7f7f7f), new Color(0xbcbd22)};

    private HadronCharts() {
    }

    /**
     * @param s settings
     * @return one line naming θ, the energy and the pions-only switch
     */
    public static String settingsLine(LundSettings s) {
        return String.format(Locale.ROOT, "a = %s, b = %s, σ = %s, ρ = %s, E_CM = %s GeV%s", fmt(s.aLund()),
                fmt(s.bLund()), fmt(s.sigma()), fmt(s.effectiveProbStoUD()), fmt(s.eCM()),
                s.pionsOnlyMode() ? ", pions only" : "");
    }

    /**
     * A histogram's per-event density with error bars.
     *
     * @param target   the PNG file
     * @param h        the histogram
     * @param xTitle   the x-axis title
     * @param yTitle   the y-axis title
     * @param logY     logarithmic y axis (error bars clipped at a tenth of the value below)
     * @param trimX    end the x axis at the last filled bin
     * @param settings the settings the histogram was made with
     */
    public static void histogram(Path target, Histogram h, String xTitle, String yTitle, boolean logY, boolean trimX,
                                 LundSettings settings) {
        XYChart chart = xy(h.title() + " — " + settingsLine(settings), xTitle, yTitle);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisLogarithmic(logY);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        double[] e = h.edges();
        int last = -1;
        for (int i = 0; i < h.bins(); i++) {
            if (h.density(i) > 0) {
                last = i;
            }
        }
        int end = trimX && last >= 0 ? last + 1 : h.bins();
        for (int i = 0; i < end; i++) {
            double d = h.density(i);
            if (logY && !(d > 0)) {
                continue;
            }
            double mid = 0.5 * (e[i] + e[i + 1]);
            x.add(mid);
            y.add(d);
            sx.add(e[i]);
            sy.add(d);
            sx.add(e[i + 1]);
            sy.add(d);
            double err = h.densityError(i);
            if (err > 0) {
                double lo = logY ? Math.max(d - err, 0.1 * d) : d - err;
                XYSeries bar = chart.addSeries("err " + i, new double[] {mid, mid}, new double[] {lo, d + err});
                bar.setMarker(SeriesMarkers.NONE);
                bar.setLineColor(Color.BLACK);
                bar.setShowInLegend(false);
            }
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("histogram " + h.path() + " has no entries to plot");
        }
        XYSeries steps = chart.addSeries("steps", sx, sy);
        steps.setMarker(SeriesMarkers.NONE);
        steps.setLineColor(PALETTE[0]);
        XYSeries points = chart.addSeries(h.path(), x, y);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(PALETTE[0]);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisMin(e[0]);
        chart.getStyler().setXAxisMax(e[end]);
        save(chart, target);
    }

    /**
     * The fit study's trajectories in (a, b), losses per step and, for RSA fits, N_eff/N per step.
     *
     * @param r     the fit study
     * @param paths the (a, b) trajectories
     * @param loss  the loss per step
     * @param neff  the RSA effective sample size per step (written only when an RSA fit ran)
     * @return whether the N_eff plot was written
     */
    public static boolean fit(FitReport r, Path paths, Path loss, Path neff) {
        String note = settingsLine(r.settings());
        XYChart cp = xy("Fit trajectories in (a, b) — " + note, "a", "b");
        XYChart cl = xy("Loss per step (" + r.options().loss() + ") — " + note, "step", "loss");
        cl.getStyler().setYAxisLogarithmic(true);
        XYChart cn = xy("RSA effective sample size along the path — " + note, "step", "N_eff / N");
        cn.getStyler().setYAxisLogarithmic(true);
        for (XYChart c : List.of(cl, cn)) {
            c.getStyler().setXAxisTickMarkSpacingHint(120);
            c.getStyler().setXAxisDecimalPattern("#");
        }
        boolean anyNeff = false;
        for (int si = 0; si < r.summaries().size(); si++) {
            FitSummary s = r.summaries().get(si);
            Color colour = PALETTE[si % PALETTE.length];
            for (int k = 0; k < s.fits().size(); k++) {
                FitResult f = s.fits().get(k);
                String name = String.format(Locale.ROOT, "%s from (%.2f, %.2f)%s", s.method(), s.start()[0],
                        s.start()[1], k == 0 ? "" : " #" + (k + 1));
                double[][] p = f.path();
                double[] a = new double[p.length];
                double[] b = new double[p.length];
                double[] step = new double[p.length];
                double[] l = new double[p.length];
                for (int t = 0; t < p.length; t++) {
                    a[t] = p[t][0];
                    b[t] = p[t][1];
                    step[t] = t;
                    l[t] = Math.max(f.loss()[t], 1e-12);
                }
                line(cp, name, a, b, colour, k == 0);
                line(cl, name, step, l, colour, k == 0);
                if (f.neff().length > 0) {
                    double[] n = new double[f.neff().length];
                    for (int t = 0; t < n.length; t++) {
                        n[t] = Math.max(f.neff()[t] / r.options().baseEvents(), 1e-6);
                    }
                    line(cn, name, step, n, colour, k == 0);
                    anyNeff = true;
                }
            }
        }
        if (r.truth() != null) {
            XYSeries t = cp.addSeries("truth", new double[] {r.truth()[0]}, new double[] {r.truth()[1]});
            t.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            t.setMarker(SeriesMarkers.DIAMOND);
            t.setMarkerColor(Color.BLACK);
        }
        save(cp, paths);
        save(cl, loss);
        if (anyNeff) {
            save(cn, neff);
        }
        return anyNeff;
    }

    /**
     * The pulls (estimate − central difference)/combined standard error of the unbiasedness table,
     * one named category per quantity (observable and parameter).
     *
     * @param r      the comparison
     * @param target the PNG file
     */
    public static void pulls(ComparisonResult r, Path target) {
        // the pathwise σ points keep their estimator's name and get a cross and this legend label
        List<String> quantities = new ArrayList<>();
        for (EstimateRow row : r.unbiasedness()) {
            String q = quantity(row);
            if (!quantities.contains(q)) {
                quantities.add(q);
            }
        }
        Map<String, Double[]> series = new LinkedHashMap<>();
        double range = 6;
        for (EstimateRow row : r.unbiasedness()) {
            double pull = r.pull(row);
            if (Double.isNaN(pull)) {
                continue;
            }
            String name = HadronReports.biasedByDesign(row) ? row.estimator() + ": σ " + BIASED : row.estimator();
            series.computeIfAbsent(name, k -> new Double[quantities.size()])[quantities.indexOf(
                    quantity(row))] = pull;
            range = Math.max(range, Math.abs(pull) + 1);
        }
        if (series.isEmpty()) {
            throw new IllegalStateException("no estimates to plot");
        }
        CategoryChart c = new CategoryChartBuilder().width(1000).height(560)
                .title("Unbiasedness: (estimate − CRN central difference)/combined s.e. — "
                        + settingsLine(r.settings()))
                .xAxisTitle("quantity (observable: parameter)").yAxisTitle("pull").build();
        style(c);
        c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        c.getStyler().setXAxisLabelRotation(30);
        c.getStyler().setYAxisMin(-Math.ceil(range));
        c.getStyler().setYAxisMax(Math.ceil(range));
        int i = 0;
        for (Map.Entry<String, Double[]> e : series.entrySet()) {
            List<Double> y = new ArrayList<>();
            for (Double v : e.getValue()) {
                y.add(v);
            }
            CategorySeries s = c.addSeries(e.getKey(), quantities, y);
            s.setMarker(e.getKey().endsWith(BIASED) ? SeriesMarkers.CROSS : SeriesMarkers.CIRCLE);
            s.setMarkerColor(PALETTE[i++ % PALETTE.length]);
        }
        for (double level : new double[] {-5, 5}) {
            List<Double> y = new ArrayList<>();
            for (int k = 0; k < quantities.size(); k++) {
                y.add(level);
            }
            CategorySeries s = c.addSeries(level > 0 ? "±5 s.e." : "−5 s.e.", quantities, y);
            s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Color.GRAY);
            s.setShowInLegend(level > 0);
        }
        save(c, target);
    }

    /**
     * The variance study's work-normalised variance per parameter and estimator (log10).
     *
     * @param study  the variance study
     * @param target the PNG file
     */
    public static void variance(StudyResult study, Path target) {
        CategoryChart c = new CategoryChartBuilder().width(1000).height(560)
                .title(study.title() + ": work-normalised variance (variance × cost / primal cost)")
                .xAxisTitle("parameter").yAxisTitle("log10(variance × relative cost)").build();
        style(c);
        Map<String, List<StudyRow>> byEstimator = new LinkedHashMap<>();
        for (StudyRow r : study.rows()) {
            byEstimator.computeIfAbsent(r.estimator(), x -> new ArrayList<>()).add(r);
        }
        byEstimator.forEach((name, rows) -> {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (StudyRow r : rows) {
                if (r.workNormalisedVariance() > 0) {
                    x.add(r.component() < GradientComparison.NAMES.size() ? GradientComparison.NAMES.get(r.component())
                            : String.valueOf(r.component()));
                    y.add(Math.log10(r.workNormalisedVariance()));
                }
            }
            if (!x.isEmpty()) {
                c.addSeries(name, x, y);
            }
        });
        save(c, target);
    }

    /** Legend suffix of the pathwise σ series in the pull plot. */
    private static final String BIASED = "pathwise (Lund:ptScore = off), biased by design";

    private static String quantity(EstimateRow row) {
        return row.observable() + ": " + row.component();
    }

    private static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(x).yAxisTitle(y).build();
        style(c);
        return c;
    }

    private static void style(Chart<?, ?> c) {
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(13f));
    }

    private static void line(XYChart c, String name, double[] x, double[] y, Color colour, boolean legend) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setShowInLegend(legend);
    }

    private static void save(Chart<?, ?> c, Path target) {
        OutputFiles.writeAtomically(target, p -> BitmapEncoder.saveBitmap(c, p.toString(),
                BitmapEncoder.BitmapFormat.PNG));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
