package org.stochad.study;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link VarianceStudy}: its rows, and their rendering as an aligned text
 * table and as CSV text (writing files and drawing plots is the caller's business).
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

    private static String format(double[] theta) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < theta.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4g", theta[i]));
        }
        return sb.toString();
    }
}
