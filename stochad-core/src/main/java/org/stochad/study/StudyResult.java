package org.stochad.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The outcome of a {@link VarianceStudy}: its rows, rendered as an aligned text table, as CSV,
 * and as a PNG plot of per-sample standard deviation and work-normalised variance.
 *
 * @param title   the study's title
 * @param samples samples per estimator and point
 * @param rows    one row per estimator, point and gradient component
 */
public record StudyResult(String title, int samples, List<StudyRow> rows) {

    /**
     * Copies the rows.
     * @param title   the study's title
     * @param samples samples per estimator and point
     * @param rows    one row per estimator, point and gradient component
     */
    public StudyResult {
        rows = List.copyOf(rows);
    }

    /** @return the rows as an aligned text table */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(" (").append(samples).append(" samples per estimator and point)\n");
        String header = String.format(Locale.ROOT, "%-34s %-18s %4s %13s %11s %12s %11s %9s %13s%n",
                "estimator", "theta", "comp", "mean", "std.err", "sd/sample", "ns/sample", "cost/prim", "var×cost");
        sb.append(header);
        sb.append("-".repeat(header.length() - 1)).append('\n');
        for (StudyRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%-34s %-18s %4d %13.6g %11.4g %12.4g %11.1f %9.2f %13.4g%n",
                    r.estimator(), format(r.theta()), r.component(), r.mean(), r.standardError(),
                    r.sdPerSample(), r.nanosPerSample(), r.costRelativeToPrimal(), r.workNormalisedVariance()));
        }
        return sb.toString();
    }

    /** @return the rows as CSV with a header line */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(
                "estimator,theta,component,mean,standard_error,sd_per_sample,ns_per_sample,cost_relative_to_primal,work_normalised_variance\n");
        for (StudyRow r : rows) {
            sb.append(String.format(Locale.ROOT, "\"%s\",\"%s\",%d,%.10g,%.6g,%.6g,%.2f,%.4f,%.6g%n",
                    r.estimator(), format(r.theta()), r.component(), r.mean(), r.standardError(),
                    r.sdPerSample(), r.nanosPerSample(), r.costRelativeToPrimal(), r.workNormalisedVariance()));
        }
        return sb.toString();
    }

    /**
     * @param target the CSV file
     * @return the target
     */
    public Path writeCsv(Path target) {
        return OutputFiles.writeString(target, toCsv());
    }

    /**
     * Writes a PNG with two panels, per gradient component 0: the standard deviation of one
     * sample's estimate and the work-normalised variance, per estimator against the parameter
     * points (log scale).
     *
     * @param target the PNG file
     * @return the target
     */
    public Path writePlot(Path target) {
        XYChart sd = chart("sd per sample", "sd of one sample's gradient estimate");
        XYChart work = chart("work-normalised variance", "variance × cost / primal cost");
        Map<String, List<StudyRow>> byEstimator = new LinkedHashMap<>();
        for (StudyRow r : rows) {
            if (r.component() == 0) {
                byEstimator.computeIfAbsent(r.estimator(), k -> new ArrayList<>()).add(r);
            }
        }
        byEstimator.forEach((name, list) -> {
            double[] x = list.stream().mapToDouble(r -> r.theta()[0]).toArray();
            add(sd, name, x, list.stream().mapToDouble(StudyRow::sdPerSample).toArray());
            add(work, name, x, list.stream().mapToDouble(StudyRow::workNormalisedVariance).toArray());
        });
        List<Chart<?, ?>> charts = List.of(sd, work);
        return OutputFiles.writeAtomically(target, p -> {
            String base = p.toString().substring(0, p.toString().length() - ".png".length());
            BitmapEncoder.saveBitmap(charts, 1, 2, base, BitmapEncoder.BitmapFormat.PNG);
        });
    }

    private XYChart chart(String panel, String yLabel) {
        XYChart c = new XYChartBuilder().width(640).height(460).title(title + ": " + panel)
                .xAxisTitle("θ₀").yAxisTitle(yLabel).build();
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return c;
    }

    private static void add(XYChart c, String name, double[] x, double[] y) {
        double[] positive = y.clone();
        for (int i = 0; i < positive.length; i++) {
            positive[i] = Math.max(positive[i], 1e-300);
        }
        XYSeries s = c.addSeries(name, x, positive);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    private static String format(double[] theta) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < theta.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4g", theta[i]));
        }
        return sb.toString();
    }
}
