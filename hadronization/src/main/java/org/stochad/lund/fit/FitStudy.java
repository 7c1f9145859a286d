package org.stochad.lund.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stochad.Seeds;

/**
 * The fit study: each method from each start, repeated with seeds derived from the options' seed;
 * per (method, start) the mean fitted (a, b), the spread of one fit, and for the χ² the data's
 * share of the uncertainty from the loss curvature ({@link LossCurvature}).
 */
public final class FitStudy {

    private final LundFit fit;

    /** @return the starting points of docs/hadronization-gradients.md: (0.72, 0.88) and (0.40, 1.50) */
    public static List<double[]> defaultStarts() {
        return List.of(new double[] {0.72, 0.88}, new double[] {0.40, 1.50});
    }

    private FitStudy(LundFit fit) {
        this.fit = fit;
    }

    /**
     * @param fit the fit to repeat
     * @return the study
     */
    public static FitStudy of(LundFit fit) {
        if (fit == null) {
            throw new IllegalArgumentException("fit = null");
        }
        return new FitStudy(fit);
    }

    /**
     * Repeated fits with seeds derived from the options' seed.
     *
     * @param method the method
     * @param start  the start
     * @return the summary
     */
    public FitSummary repeat(LundFit.Method method, double[] start) {
        LundFit.Options options = fit.options();
        List<FitResult> fits = new ArrayList<>();
        for (int r = 0; r < options.repeats(); r++) {
            long seed = Seeds.mix(options.seed() + 1009L * r + method.ordinal() * 7L
                    + Double.hashCode(start[0]) * 31L + Double.hashCode(start[1]));
            fit.log(String.format(Locale.ROOT, "[fit] %s from (%.3f, %.3f), repeat %d/%d", method, start[0],
                    start[1], r + 1, options.repeats()));
            fits.add(fit.fit(method, start, seed));
        }
        double[] mean = new double[2];
        double[] sd = new double[2];
        double events = 0;
        double seconds = 0;
        double minNeff = Double.NaN;
        for (FitResult f : fits) {
            double[] e = f.estimate(options.averageLast());
            mean[0] += e[0] / fits.size();
            mean[1] += e[1] / fits.size();
            events += (double) f.events() / fits.size();
            seconds += f.seconds() / fits.size();
            for (double v : f.neff()) {
                minNeff = Double.isNaN(minNeff) ? v : Math.min(minNeff, v);
            }
        }
        for (FitResult f : fits) {
            double[] e = f.estimate(options.averageLast());
            sd[0] += (e[0] - mean[0]) * (e[0] - mean[0]);
            sd[1] += (e[1] - mean[1]) * (e[1] - mean[1]);
        }
        for (int j = 0; j < 2; j++) {
            sd[j] = fits.size() > 1 ? Math.sqrt(sd[j] / (fits.size() - 1)) : Double.NaN;
        }
        return new FitSummary(method, start.clone(), mean, sd, dataSd(method, mean), events, seconds, minNeff, fits);
    }

    /**
     * The data's share of the uncertainty of a χ² fit at the fitted point (NaN for other losses):
     * the sandwich covariance of {@link LossCurvature}, from a fresh sample of
     * {@link LundFit.Options#baseEvents()} events there.
     */
    private double[] dataSd(LundFit.Method method, double[] fitted) {
        LundFit.Options options = fit.options();
        if (options.loss() != HistogramLoss.CHI2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int n = options.baseEvents();
        ReweightedSample.Evaluation e = ReweightedSample.generate(fit.at(fitted), fit.targets(), n,
                Seeds.mix(options.seed() ^ 0xC0FFEEL), options.threads()).evaluate(fitted[0], fitted[1],
                options.loss());
        // the simulated histogram the χ² compares: the re-simulated batch's half, or the RSA base sample
        double simulated = method == LundFit.Method.RESIMULATED ? Math.max(2, options.histogramEvents() / 2) : n;
        return LossCurvature.of(e, fit.targets(), simulated, n).dataSd();
    }

    /**
     * Each method from each start, repeated.
     *
     * @param starts  the starting points
     * @param methods the methods
     * @param truth   the true (a, b) of pseudo-data, or null for real data
     * @return the report
     */
    public FitReport run(List<double[]> starts, List<LundFit.Method> methods, double[] truth) {
        List<FitSummary> out = new ArrayList<>();
        for (LundFit.Method m : methods) {
            for (double[] s : starts) {
                out.add(repeat(m, s));
            }
        }
        return new FitReport(truth == null ? null : truth.clone(), fit.settings(), fit.options(), fit.targets(), out);
    }
}
