package org.stochad.cli.lund;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.lund.fit.FitReport;
import org.stochad.lund.fit.FitResult;
import org.stochad.lund.fit.FitSummary;

/**
 * The honesty checks of {@code hadron fit}: a fit that had not settled, and an uncertainty from too
 * few repeats.
 *
 * <p><b>Not converged.</b> The fitted value is the mean of the last L path points of each fit
 * (L = {@code averageLast}). With h = ⌊L/2⌋, the <i>drift</i> of a (method, start) is the mean over
 * its repeats of (mean of the last h path points − mean of the h points before them): where the
 * path was heading across the averaging window. The fit is flagged when |drift| exceeds
 * {@link #DRIFT_LIMIT} times its own uncertainty (± of the table) in a or b. Every fit runs its
 * full {@code --steps} (there is no early stop), so a flagged fit exhausted its step budget before
 * it settled: more steps, a larger learning rate or a closer start are needed. With L &lt; 2 the
 * drift cannot be measured and the check is skipped (and said so).
 *
 * <p><b>Crude uncertainty.</b> With fewer than {@link #MIN_REPEATS} repeats the repeats' spread
 * is estimated from one or two values: the ± is crude (one repeat: no spread at all).
 */
public final class FitWarnings {

    /** A drift larger than this many uncertainties means the fit had not settled. */
    public static final double DRIFT_LIMIT = 3;

    /** Fewer repeats than this make the uncertainty crude. */
    public static final int MIN_REPEATS = 3;

    private FitWarnings() {
    }

    /**
     * @param summary     repeated fits from one start with one method
     * @param averageLast the number of final path points averaged into the fitted value
     * @return per parameter the drift across the averaging window (see the class comment), or
     *         null when the window is shorter than two points
     */
    public static double[] drift(FitSummary summary, int averageLast) {
        int h = averageLast / 2;
        if (h < 1 || summary.fits().isEmpty()) {
            return null;
        }
        double[] d = new double[summary.mean().length];
        for (FitResult f : summary.fits()) {
            double[][] path = f.path();
            if (path.length < 2 * h) {
                return null;
            }
            for (int j = 0; j < d.length; j++) {
                double late = 0;
                double early = 0;
                for (int i = 0; i < h; i++) {
                    late += path[path.length - 1 - i][j];
                    early += path[path.length - 1 - h - i][j];
                }
                d[j] += (late - early) / h / summary.fits().size();
            }
        }
        return d;
    }

    /**
     * @param summary     repeated fits from one start with one method
     * @param averageLast the number of final path points averaged into the fitted value
     * @return a short flag for the summary's table row: empty when nothing is wrong
     */
    public static String flag(FitSummary summary, int averageLast) {
        List<String> flags = new ArrayList<>();
        if (notConverged(summary, averageLast)) {
            flags.add("NOT CONVERGED");
        }
        if (summary.fits().size() < MIN_REPEATS) {
            flags.add("crude ± (" + summary.fits().size() + " repeat" + (summary.fits().size() == 1 ? "" : "s") + ")");
        }
        return String.join("; ", flags);
    }

    /**
     * @param summary     repeated fits from one start with one method
     * @param averageLast the number of final path points averaged into the fitted value
     * @return whether its drift exceeds {@link #DRIFT_LIMIT} uncertainties in some parameter
     */
    public static boolean notConverged(FitSummary summary, int averageLast) {
        double[] d = drift(summary, averageLast);
        if (d == null) {
            return false;
        }
        double[] u = summary.uncertainty();
        for (int j = 0; j < d.length; j++) {
            if (Math.abs(d[j]) > DRIFT_LIMIT * u[j]) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param report a fit study
     * @return one warning sentence per problem, empty when there is none
     */
    public static List<String> of(FitReport report) {
        int last = report.options().averageLast();
        List<String> out = new ArrayList<>();
        for (FitSummary s : report.summaries()) {
            String which = String.format(Locale.ROOT, "%s from (%s, %s)", s.method(), s.start()[0], s.start()[1]);
            double[] d = drift(s, last);
            if (notConverged(s, last)) {
                double[] u = s.uncertainty();
                out.add(String.format(Locale.ROOT, "%s did not converge: over the last %d steps it still moved by"
                        + " (%.4g, %.4g) in (a, b), more than %.0f× its uncertainty (%.4g, %.4g); it used all %d"
                        + " steps; give more --steps, a larger --lr or a closer --start", which, last, d[0], d[1],
                        DRIFT_LIMIT, u[0], u[1], report.options().steps()));
            } else if (d == null) {
                out.add(which + ": convergence not checked (it averages fewer than 2 path points)");
            }
        }
        int repeats = report.options().repeats();
        if (repeats < MIN_REPEATS) {
            out.add(String.format(Locale.ROOT, "only %d repeat(s) per method and start, so each ± is crude (%s);"
                    + " give --repeats %d or more", repeats, repeats == 1
                    ? "no spread between repeats, only the data's share" : "a spread from two values", MIN_REPEATS));
        }
        return out;
    }
}
