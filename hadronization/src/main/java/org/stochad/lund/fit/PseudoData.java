package org.stochad.lund.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stochad.lund.EventRunner;
import org.stochad.lund.LundSettings;
import org.stochad.lund.io.BinnedData;
import org.stochad.lund.observable.HadronQuantity;

/**
 * Pseudo-data for the fits: the generator's own per-event histogram densities at given settings,
 * with the standard error of each bin.
 */
public final class PseudoData {

    /** Events of the pseudo-data of docs/hadronization-gradients.md. */
    public static final int DOCS_EVENTS = 200_000;

    /** Offset of the pseudo-data's seed from the fit's seed: seed ^ SEED_OFFSET. */
    public static final long SEED_OFFSET = 0xDA7AL;

    private PseudoData() {
    }

    /** @return the standard fit histograms: multiplicity 2…40 and x_E in 25 bins */
    public static List<HistogramSpec> defaultHistograms() {
        return List.of(HistogramSpec.multiplicity(2, 40), HistogramSpec.hadron(HadronQuantity.X_E, 0, 1, 25));
    }

    /**
     * @param truth   settings of the pseudo-data
     * @param specs   the histograms
     * @param events  events
     * @param seed    seed
     * @param threads worker threads
     * @return one target per histogram
     */
    public static List<FitTarget> targets(LundSettings truth, List<HistogramSpec> specs, int events, long seed,
                                          int threads) {
        return targets(fill(truth, specs, events, seed, threads), specs);
    }

    private static List<FitTarget> targets(Densities f, List<HistogramSpec> specs) {
        List<FitTarget> out = new ArrayList<>();
        for (int t = 0; t < specs.size(); t++) {
            double[] err = new double[f.mean[t].length];
            for (int k = 0; k < err.length; k++) {
                err[k] = Math.sqrt(f.var[t][k]);
            }
            out.add(new FitTarget(specs.get(t), new BinnedData("/pseudo/" + specs.get(t).name(),
                    specs.get(t).edges(), f.mean[t], err)));
        }
        return out;
    }

    /** Per-event densities of a run: mean and variance of the mean per bin, per histogram. */
    record Densities(double[][] mean, double[][] var) {
    }

    static Densities fill(LundSettings s, List<HistogramSpec> specs, int events, long seed, int threads) {
        return fill(s, specs, events, seed, EventRunner.threads(threads));
    }

    /**
     * @param truth   settings of the pseudo-data
     * @param specs   the histograms
     * @param events  events
     * @param seed    seed
     * @param runner  where the events are generated and binned (only their bin entries come back)
     * @return one target per histogram, the same as {@link #targets(LundSettings, List, int, long, int)}
     */
    public static List<FitTarget> targets(LundSettings truth, List<HistogramSpec> specs, int events, long seed,
                                          EventRunner runner) {
        return targets(fill(truth, specs, events, seed, runner), specs);
    }

    static Densities fill(LundSettings s, List<HistogramSpec> specs, int events, long seed, EventRunner runner) {
        double[][] sum = new double[specs.size()][];
        double[][] sum2 = new double[specs.size()][];
        for (int t = 0; t < specs.size(); t++) {
            sum[t] = new double[specs.get(t).bins()];
            sum2[t] = new double[specs.get(t).bins()];
        }
        List<HistogramSpec> copy = List.copyOf(specs);
        runner.generate(s, false, seed, events, settings -> e -> {
            int[][] all = new int[copy.size()][];
            for (int t = 0; t < all.length; t++) {
                all[t] = copy.get(t).entries(e);
            }
            return all;
        }, all -> {
            for (int t = 0; t < specs.size(); t++) {
                HistogramSpec spec = specs.get(t);
                int[] en = all[t];
                Arrays.sort(en);
                int i = 0;
                while (i < en.length) {
                    int j = i;
                    while (j < en.length && en[j] == en[i]) {
                        j++;
                    }
                    double x = (j - i) / spec.width(en[i]);
                    sum[t][en[i]] += x;
                    sum2[t][en[i]] += x * x;
                    i = j;
                }
            }
        });
        double[][] mean = new double[specs.size()][];
        double[][] var = new double[specs.size()][];
        for (int t = 0; t < specs.size(); t++) {
            int bins = specs.get(t).bins();
            mean[t] = new double[bins];
            var[t] = new double[bins];
            for (int k = 0; k < bins; k++) {
                mean[t][k] = sum[t][k] / events;
                // floored at the variance one entry would give, so that empty bins keep a finite χ² weight
                double w = specs.get(t).width(k);
                var[t][k] = Math.max(Math.max(0, sum2[t][k] / events - mean[t][k] * mean[t][k]) / events,
                        1 / (w * w * (double) events * events));
            }
        }
        return new Densities(mean, var);
    }
}
