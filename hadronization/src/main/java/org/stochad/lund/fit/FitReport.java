package org.stochad.lund.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The results of a fit study: per (method, start) the fitted (a, b) with its spread over repeated
 * fits, cost and effective sample size, and the trajectories.
 *
 * @param truth     the true (a, b) of pseudo-data, or null
 * @param options   the fit settings
 * @param targets   the histograms and data fitted
 * @param summaries one per (method, start)
 */
public record FitReport(double[] truth, LundFit.Options options, List<LundFit.Target> targets,
                        List<FitSummary> summaries) {

    /** @return the results as Markdown */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("## Fits of (a, b): loss ").append(options.loss()).append(", histograms ");
        for (int i = 0; i < targets.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(targets.get(i).spec().name()).append(" (")
                    .append(targets.get(i).spec().bins()).append(" bins, data ").append(targets.get(i).data().path())
                    .append(")");
        }
        sb.append(String.format(Locale.ROOT, "%n%n%s, %d steps%s, fitted value = mean of the last %d"
                        + " points, averaged over %d repeats with different seeds; RSA base sample %d events;"
                        + " re-simulation %d + %d (%s) per step.%n%n",
                options.stepper() == LundFit.Stepper.ADAM ? "Adam" : "Stochastic Gauss–Newton", options.steps(),
                options.stepper() == LundFit.Stepper.ADAM ? String.format(Locale.ROOT, ", learning rate %g",
                        options.learningRate()) : "", options.averageLast(), options.repeats(), options.baseEvents(),
                options.histogramEvents(), options.gradientSamples(), options.hybrid() ? "hybrid" : "stochastic AD"));
        sb.append("| method | start (a, b) | fitted a | fitted b | (fit − truth)/± | sd of one fit (a, b) | data sd (a, b)"
                + " | events/fit | s/fit | min N_eff |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (FitSummary s : summaries) {
            double[] u = s.uncertainty();
            double[] p = s.pull(truth);
            String pull = truth == null ? "—" : String.format(Locale.ROOT, "%+.1f, %+.1f", p[0], p[1]);
            sb.append(String.format(Locale.ROOT, "| %s | (%.2f, %.2f) | %.4f ± %.4f | %.4f ± %.4f | %s | %.4f, %.4f"
                            + " | %s | %.3g | %.1f | %s |%n",
                    s.method(), s.start()[0], s.start()[1], s.mean()[0], u[0], s.mean()[1], u[1], pull, s.sd()[0],
                    s.sd()[1], Double.isNaN(s.dataSd()[0]) ? "—" : String.format(Locale.ROOT, "%.4f, %.4f",
                            s.dataSd()[0], s.dataSd()[1]), s.events(), s.seconds(),
                    Double.isNaN(s.minNeff()) ? "—" : String.format(Locale.ROOT, "%.0f", s.minNeff())));
        }
        sb.append(String.format(Locale.ROOT, "%n± = uncertainty of the mean fitted value: the repeats' spread"
                + " (sd of one fit / √%d) and the data's statistical share (χ² loss: from the loss curvature at the"
                + " fitted point) in quadrature.%s%n", options.repeats(),
                truth == null ? "" : String.format(Locale.ROOT, " Truth (a, b) = (%.4f, %.4f).", truth[0], truth[1])));
        return sb.toString();
    }

    /** @return every trajectory as CSV: method, start, repeat, step, a, b, loss, neff */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("method,start_a,start_b,repeat,step,a,b,loss,neff\n");
        for (FitSummary s : summaries) {
            for (int r = 0; r < s.fits().size(); r++) {
                FitResult f = s.fits().get(r);
                double[][] p = f.path();
                for (int t = 0; t < p.length; t++) {
                    sb.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%d,%d,%.6f,%.6f,%.6g,%s%n", s.method(),
                            s.start()[0], s.start()[1], r, t, p[t][0], p[t][1], f.loss()[t],
                            f.neff().length > t ? String.format(Locale.ROOT, "%.1f", f.neff()[t]) : ""));
                }
            }
        }
        return sb.toString();
    }

    /**
     * @param paths the (a, b) trajectories
     * @param loss  the loss per step
     * @param neff  the RSA effective sample size per step
     */
    public void writePlots(Path paths, Path loss, Path neff) {
        XYChart cp = LundFit.chart("Fit trajectories in (a, b)", "a", "b");
        XYChart cl = LundFit.chart("Loss per step (" + options.loss() + ")", "step", "loss");
        cl.getStyler().setYAxisLogarithmic(true);
        XYChart cn = LundFit.chart("RSA effective sample size along the path", "step", "N_eff / N");
        cn.getStyler().setYAxisLogarithmic(true);
        cl.getStyler().setXAxisTickMarkSpacingHint(80);
        cn.getStyler().setXAxisTickMarkSpacingHint(80);
        java.awt.Color[] palette = {new java.awt.Color(0x1f77b4), new java.awt.Color(0x2ca02c),
            new java.awt.Color(0xd62728), new java.awt.Color(0x9467bd), new java.awt.Color(0xff7f0e),
            new java.awt.Color(0x17becf), new java.awt.Color(0x8c564b), new java.awt.Color(0xe377c2)};
        boolean anyNeff = false;
        for (int si = 0; si < summaries.size(); si++) {
            FitSummary s = summaries.get(si);
            java.awt.Color colour = palette[si % palette.length];
            for (int r = 0; r < s.fits().size(); r++) {
                FitResult f = s.fits().get(r);
                String name = String.format(Locale.ROOT, "%s from (%.2f, %.2f)%s", s.method(), s.start()[0],
                        s.start()[1], r == 0 ? "" : " #" + (r + 1));
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
                XYSeries sp = LundFit.line(cp, name, a, b);
                sp.setShowInLegend(r == 0);
                sp.setLineColor(colour);
                XYSeries sl = LundFit.line(cl, name, step, l);
                sl.setShowInLegend(r == 0);
                sl.setLineColor(colour);
                if (f.neff().length > 0) {
                    double[] n = new double[f.neff().length];
                    for (int t = 0; t < n.length; t++) {
                        n[t] = Math.max(f.neff()[t] / options.baseEvents(), 1e-6);
                    }
                    XYSeries sn = LundFit.line(cn, name, step, n);
                    sn.setShowInLegend(r == 0);
                    sn.setLineColor(colour);
                    anyNeff = true;
                }
            }
        }
        if (truth != null) {
            XYSeries t = cp.addSeries("truth", new double[] {truth[0]}, new double[] {truth[1]});
            t.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            t.setMarker(SeriesMarkers.DIAMOND);
            t.setMarkerColor(java.awt.Color.BLACK);
        }
        LundFit.save(cp, paths);
        LundFit.save(cl, loss);
        if (anyNeff) {
            LundFit.save(cn, neff);
        }
    }
}
