package org.stochad.lund.pathwise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.Sampler;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.internal.PrimalRunner;
import org.stochad.internal.ReplayRows;
import org.stochad.lund.Event;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.StringFragmenter;
import org.stochad.lund.observable.HadronQuantity;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;

/**
 * The issue-13 measurement harness (not a unit test; run by hand):
 * unbiasedness of the pathwise formulations against a CRN central difference, and their
 * work-normalised variance against the score function with baseline (ptScore), at pions-only
 * u-ū, E_CM = 100 GeV, (a, b, σ) = (0.68, 0.98, 0.335).
 *
 * <p>Usage: {@code PathwiseHarness SAMPLES FD_SAMPLES THREADS SPLIT_SAMPLES [OBSERVABLES]}, OBSERVABLES
 * a comma list of N, T, y, xE (default all).
 */
public final class PathwiseHarness {

    private static final String[] PAR = {"a", "b", "sigma"};

    private PathwiseHarness() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int fdSamples = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int splitSamples = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        String which = args.length > 4 ? args[4] : "N,T,y,xE";
        LundSettings base = LundSettings.pionsOnly();
        LundSettings old = base.with(LundSettings.PT_SCORE, "on");
        double[] theta = {base.aLund(), base.bLund(), base.sigma(), 0};
        long seed = 20_250_613L;
        sanity(base);

        Map<String, Observable> obs = new LinkedHashMap<>();
        obs.put("N", Observables.multiplicity());
        obs.put("T", Observables.thrust());
        obs.put("y", Observables.hadronBin(HadronQuantity.RAPIDITY, -0.5, 0.5));
        obs.put("xE", Observables.hadronBin(HadronQuantity.X_E, 0.1, 0.2));

        Map<String, PathwiseFragmenter.Options> forms = new LinkedHashMap<>();
        forms.put("pathwise z + cond. stop + veto split, ptScore", new PathwiseFragmenter.Options(false, true, true, 24));
        forms.put("pathwise z + cond. stop + veto split, pathwise sigma",
                new PathwiseFragmenter.Options(true, true, true, 24));
        forms.put("pathwise z, hard stop/veto, ptScore", new PathwiseFragmenter.Options(false, false, false, 24));
        forms.put("pathwise z + cond. stop + veto split, ptScore, 12 nodes",
                new PathwiseFragmenter.Options(false, true, true, 12));

        List<String> out = new ArrayList<>();
        out.add("observable,estimator,parameter,mean,se,sd,cost,var_x_cost,fd,fd_se,pull");
        for (String key : which.split(",")) {
            Observable o = obs.get(key);
            StochasticProgram oldPrimal = LundProgram.of(old, o).withPtBaseline(0);
            double mean = new PrimalRunner(threads).estimate(oldPrimal, theta, 4000, seed + 7).value();
            StochasticProgram oldProgram = LundProgram.of(old, o).withPtBaseline(mean);
            // primal reference: best of 3
            long best = Long.MAX_VALUE;
            new PrimalRunner(threads).estimate(oldPrimal, theta, 2000, seed ^ 3);
            for (int r = 0; r < 3; r++) {
                best = Math.min(best, new PrimalRunner(threads).estimate(oldPrimal, theta, samples, seed).nanos());
            }
            double primal = (double) best / samples;
            GradientEstimate fd = Estimators.finiteDifference(0.02).withParallelism(threads)
                    .estimate(LundProgram.of(base.with(LundSettings.PT_SCORE, "off"), o).withPtBaseline(0), theta, fdSamples,
                            seed + 99);
            System.err.printf(Locale.ROOT, "%s: <f> = %.5f, primal %.1f us, FD %s%n", key, mean, primal / 1e3, fd);
            Map<String, StochasticProgram> programs = new LinkedHashMap<>();
            Map<String, Estimator> estimators = new LinkedHashMap<>();
            programs.put("score function + baseline (ptScore)", oldProgram);
            estimators.put("score function + baseline (ptScore)", Estimators.scoreFunctionWithBaseline());
            for (Map.Entry<String, PathwiseFragmenter.Options> f : forms.entrySet()) {
                String name = "stochastic AD (pathwise: " + f.getKey() + ", m=1)";
                programs.put(name, new PathwiseProgram(base, o, mean, f.getValue()));
                estimators.put(name, Estimators.stochasticAd());
            }
            PathwiseFragmenter.Options std = PathwiseFragmenter.Options.standard();
            double ps = successProbability(base, std, theta, 20_000);
            String rb = "stochastic AD (pathwise: cond. stop + veto split + restart-conditioned, ptScore, m=1)";
            programs.put(rb, PathwiseProgram.restartConditioned(base, o, mean, ps, std));
            estimators.put(rb, Estimators.stochasticAd());
            String firstForm = "stochastic AD (pathwise: " + forms.keySet().iterator().next() + ", m=1)";
            programs.put(firstForm.replace("m=1", "m=4"), programs.get(firstForm));
            estimators.put(firstForm.replace("m=1", "m=4"), Estimators.stochasticAd(StochasticAdOptions.replay()
                    .alternatives(4)));
            for (String name : programs.keySet()) {
                Estimator e = estimators.get(name).withParallelism(threads);
                e.estimate(programs.get(name), theta, Math.min(2000, samples), seed ^ 3);
                GradientEstimate g = e.estimate(programs.get(name), theta, samples, seed);
                double cost = (double) g.nanos() / samples / primal;
                for (int j = 0; j < 3; j++) {
                    double pull = (g.mean(j) - fd.mean(j)) / Math.hypot(g.standardError(j), fd.standardError(j));
                    String line = String.format(Locale.ROOT, "%s,%s,%s,%.6g,%.3g,%.4g,%.3f,%.4g,%.6g,%.3g,%+.2f", key,
                            name, PAR[j], g.mean(j), g.standardError(j), Math.sqrt(g.variance(j)), cost,
                            g.variance(j) * cost, fd.mean(j), fd.standardError(j), pull);
                    out.add(line);
                    System.err.println(line);
                }
            }
            split(key, base, o, mean, forms, theta, seed, splitSamples);
        }
        System.out.println(String.join("\n", out));
    }

    /** Variance of the pathwise part δ and of the flip part (SAD − δ) of the replay rows. */
    private static void split(String key, LundSettings base, Observable o, double mean,
                              Map<String, PathwiseFragmenter.Options> forms, double[] theta, long seed, int n) {
        for (Map.Entry<String, PathwiseFragmenter.Options> f : forms.entrySet()) {
            PathwiseProgram program = new PathwiseProgram(base, o, mean, f.getValue());
            double[][] s = new double[3][6]; // per parameter: sum δ, sum δ², sum flip, sum flip², sum tot, tot²
            for (int i = 0; i < n; i++) {
                double[] row = ReplayRows.row(StochasticAdOptions.replay(), program, theta, seed, i);
                int k = theta.length;
                for (int j = 0; j < 3; j++) {
                    double tot = row[1 + j];
                    double d = row[1 + k + j];
                    double flip = tot - d;
                    s[j][0] += d;
                    s[j][1] += d * d;
                    s[j][2] += flip;
                    s[j][3] += flip * flip;
                    s[j][4] += tot;
                    s[j][5] += tot * tot;
                }
            }
            for (int j = 0; j < 3; j++) {
                double md = s[j][0] / n;
                double mf = s[j][2] / n;
                double mt = s[j][4] / n;
                System.err.printf(Locale.ROOT, "split %s %s d/d%s: pathwise %.5g (sd %.4g), flips %.5g (sd %.4g),"
                        + " total %.5g (sd %.4g)%n", key, f.getKey(), PAR[j], md, Math.sqrt(s[j][1] / n - md * md),
                        mf, Math.sqrt(s[j][3] / n - mf * mf), mt, Math.sqrt(s[j][5] / n - mt * mt));
            }
        }
    }

    /** @return the fraction of first attempts that succeed (independent seed) */
    private static double successProbability(LundSettings base, PathwiseFragmenter.Options o, double[] theta, int n) {
        PathwiseFragmenter f = new PathwiseFragmenter(base, o);
        LundParameters p = LundParameters.of(base);
        int ok = 0;
        for (int i = 0; i < n; i++) {
            if (f.firstAttempt(PrimalSampler.of(77, i), p) != null) {
                ok++;
            }
        }
        System.err.printf(Locale.ROOT, "P(attempt 0 succeeds) = %.4f +- %.4f%n", (double) ok / n,
                Math.sqrt(ok * (1.0 - (double) ok / n)) / n);
        return (double) ok / n;
    }

    /** With the hard stop test and veto, the pathwise fragmenter's events equal the generator's. */
    private static void sanity(LundSettings base) {
        StringFragmenter oldF = new StringFragmenter(base.with(LundSettings.PT_SCORE, "off"));
        PathwiseFragmenter newF = new PathwiseFragmenter(base, new PathwiseFragmenter.Options(true, false, false, 24));
        PathwiseFragmenter full = new PathwiseFragmenter(base, PathwiseFragmenter.Options.standard());
        int same = 0;
        int n = 2000;
        double nOld = 0;
        double nFull = 0;
        double rOld = 0;
        double rFull = 0;
        LundParameters p = LundParameters.of(base);
        for (int i = 0; i < n; i++) {
            Sampler s1 = PrimalSampler.of(5, i);
            Event e1 = oldF.fragment(s1, p);
            Event e2 = newF.fragment(PrimalSampler.of(5, i), p);
            Event e3 = full.fragment(PrimalSampler.of(5, i), p);
            if (e1.multiplicity() == e2.multiplicity()
                    && e1.hadrons().get(0).eValue() == e2.hadrons().get(0).eValue()) {
                same++;
            }
            nOld += e1.multiplicity();
            nFull += e3.multiplicity();
            rOld += e1.restarts();
            rFull += e3.restarts();
        }
        System.err.printf(Locale.ROOT, "sanity: %d of %d events identical (hard mode); <N> old %.3f new %.3f;"
                + " restarts/event old %.4f new %.4f%n", same, n, nOld / n, nFull / n, rOld / n, rFull / n);
    }
}
