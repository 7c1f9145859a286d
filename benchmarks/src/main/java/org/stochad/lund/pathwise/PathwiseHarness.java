package org.stochad.lund.pathwise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.internal.PrimalRunner;
import org.stochad.internal.ReplayRows;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.observable.HadronQuantity;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;

/**
 * The pathwise measurement harness (not a unit test; run by hand): unbiasedness of the pathwise
 * formulations against a CRN central difference and their work-normalised variance against the
 * score function with baseline (ptScore), at pions-only u-ū, E_CM = 100 GeV,
 * (a, b, σ) = (0.68, 0.98, 0.335) — or, with POINT = strange, at probStoUD = 0.217 with pions
 * only off (ρ then matters).
 *
 * <p>Usage (from the worktree root, after {@code mvn -o -q test-compile -pl hadronization -am}):
 * <pre>
 * java -cp stochad-core/target/classes:hadronization/target/classes:hadronization/target/test-classes:JARS \
 *     org.stochad.lund.pathwise.PathwiseHarness SAMPLES FD_SAMPLES THREADS OBSERVABLES FORMS [POINT] [SPLIT]
 * </pre>
 * OBSERVABLES a comma list of N, T, y, xE; FORMS a comma list of the keys of {@link #forms}
 * (score = score function + baseline, the reference; lab, split, ord, ord12, ord12ts, rc, rcts,
 * byz, byzrc, byzrc12, byzrc12ts, pl12, pl12ts, rcpl12ts, byzpl12ts, byzrcpl12ts, byzpl12tsC,
 * byzhybpl12tsC, hybpl12tsC, hyb12tsC (smear stop), sfpw, hyb, m4; "C" = {@code Lund:pathwiseRestarts = conditioned} through the settings;
 * "ts" = two-sided Bernoulli flips, "pl" = finalTwo conditioned on the whole 2D pT, "byz" = the
 * joint stop, "rc" = restarts Rao–Blackwellised); SPLIT &gt; 0 also prints, per pathwise form, the
 * pathwise/flip split of the per-sample estimate, their correlation and the tail shares. The cost
 * is the time per sample over the time of one primal event (the generator with ptScore), the best
 * of {@code harness.costRounds} (default 5) interleaved timing rounds of every form and the primal.
 */
public final class PathwiseHarness {

    private static final String[] PAR = {"a", "b", "sigma", "rho"};
    /** Interleaved timing rounds of the cost (best of), system property {@code harness.costRounds}. */
    private static final int COST_ROUNDS = Integer.getInteger("harness.costRounds", 5);

    /** A formulation: its program given (observable, mean) and its estimator. */
    private record Form(String name, BiFunction<Observable, Double, StochasticProgram> program,
                        java.util.function.Function<StochasticProgram, Estimator> estimatorOf) {

        Form(String name, BiFunction<Observable, Double, StochasticProgram> program, Estimator estimator) {
            this(name, program, p -> estimator);
        }
    }

    private PathwiseHarness() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        int samples = Integer.parseInt(args[0]);
        int fdSamples = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        String which = args[3];
        String formKeys = args[4];
        boolean strange = args.length > 5 && args[5].equals("strange");
        int splitSamples = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        LundSettings base = strange
                ? LundSettings.defaults().with(LundSettings.PIONS_ONLY, "off").with(LundSettings.PROB_S_TO_UD, 0.217)
                : LundSettings.pionsOnly();
        LundSettings old = base.with(LundSettings.PT_SCORE, "on");
        double[] theta = strange ? old.theta() : new double[] {base.aLund(), base.bLund(), base.sigma(), 0};
        int np = strange ? 4 : 3;
        long seed = 20_250_613L;

        Map<String, Observable> obs = new LinkedHashMap<>();
        obs.put("N", Observables.multiplicity());
        obs.put("T", Observables.thrust());
        obs.put("y", Observables.hadronBin(HadronQuantity.RAPIDITY, -0.5, 0.5));
        obs.put("xE", Observables.hadronBin(HadronQuantity.X_E, 0.1, 0.2));

        double ps = successProbability(base, PathwiseFragmenter.Options.standard(), theta, 40_000);
        Map<String, Form> forms = forms(base, old, ps, threads);
        List<String> out = new ArrayList<>();
        out.add("observable,estimator,parameter,mean,se,sd,cost,var_x_cost,ratio_to_score,fd,fd_se,pull,var_ratio,cost_ratio");
        for (String key : which.split(",")) {
            Observable o = obs.get(key);
            StochasticProgram oldPrimal = LundProgram.of(old, o).withPtBaseline(0);
            double mean = new PrimalRunner(threads).estimate(oldPrimal, theta, 20_000, seed + 7).value();
            long best = Long.MAX_VALUE;
            new PrimalRunner(threads).estimate(oldPrimal, theta, 2000, seed ^ 3);
            int primalN = Math.max(samples, 20_000);
            for (int r = 0; r < 3; r++) {
                best = Math.min(best, new PrimalRunner(threads).estimate(oldPrimal, theta, primalN, seed).nanos());
            }
            double primal = (double) best / primalN;
            GradientEstimate fd = fdSamples <= 0 ? null : Estimators.finiteDifference(0.02).withParallelism(threads)
                    .estimate(LundProgram.of(base.with(LundSettings.PT_SCORE, "off"), o), theta, fdSamples,
                            seed + 99);
            System.err.printf(Locale.ROOT, "%s: <f> = %.5f, primal %.1f us, FD %s%n", key, mean, primal / 1e3, fd);
            String[] keys = formKeys.split(",");
            StochasticProgram[] programs = new StochasticProgram[keys.length];
            Estimator[] estimators = new Estimator[keys.length];
            GradientEstimate[] results = new GradientEstimate[keys.length];
            for (int f = 0; f < keys.length; f++) {
                programs[f] = forms.get(keys[f]).program().apply(o, mean);
                estimators[f] = forms.get(keys[f]).estimatorOf().apply(programs[f]).withParallelism(threads);
                estimators[f].estimate(programs[f], theta, Math.min(2000, samples), seed ^ 3);
                results[f] = estimators[f].estimate(programs[f], theta, samples, seed);
            }
            // cost: best of COST_ROUNDS interleaved timings of every form and of the primal (load-robust)
            int costN = Math.min(samples, 4000);
            long[] bestNs = new long[keys.length];
            java.util.Arrays.fill(bestNs, Long.MAX_VALUE);
            long bestPrimal = best;
            for (int r = 0; r < COST_ROUNDS; r++) {
                bestPrimal = Math.min(bestPrimal, (long) ((double) new PrimalRunner(threads)
                        .estimate(oldPrimal, theta, primalN, seed + r).nanos()));
                for (int f = 0; f < keys.length; f++) {
                    bestNs[f] = Math.min(bestNs[f], estimators[f].estimate(programs[f], theta, costN, seed + 1000 + r)
                            .nanos());
                }
            }
            double primalBest = (double) bestPrimal / primalN;
            System.err.printf(Locale.ROOT, "%s: primal (best of the interleaved rounds) %.1f us%n", key,
                    primalBest / 1e3);
            double[] scoreVar = null;
            double scoreCost = Double.NaN;
            for (int f = 0; f < keys.length; f++) {
                String fk = keys[f];
                Form form = forms.get(fk);
                StochasticProgram program = programs[f];
                GradientEstimate g = results[f];
                double cost = (double) bestNs[f] / costN / primalBest;
                if (fk.equals("score")) {
                    scoreVar = new double[np];
                    for (int j = 0; j < np; j++) {
                        scoreVar[j] = g.variance(j);
                    }
                    scoreCost = cost;
                }
                for (int j = 0; j < np; j++) {
                    double vc = g.variance(j) * cost;
                    double pull = fd == null ? Double.NaN
                            : (g.mean(j) - fd.mean(j)) / Math.hypot(g.standardError(j), fd.standardError(j));
                    double varRatio = scoreVar == null ? Double.NaN : g.variance(j) / scoreVar[j];
                    String line = String.format(Locale.ROOT,
                            "%s,%s,%s,%.6g,%.3g,%.4g,%.3f,%.4g,%.3g,%.6g,%.3g,%+.2f,%.3g,%.3g",
                            key, form.name().replace(',', ';'), PAR[j], g.mean(j), g.standardError(j),
                            Math.sqrt(g.variance(j)), cost, vc, varRatio * cost / scoreCost,
                            fd == null ? Double.NaN : fd.mean(j), fd == null ? Double.NaN : fd.standardError(j), pull,
                            varRatio, cost / scoreCost);
                    out.add(line);
                    System.err.println(line);
                }
                if (splitSamples > 0 && program instanceof PathwiseProgram) {
                    split(key + " " + fk, program, theta, seed, splitSamples, np,
                            fk.endsWith("ts") ? StochasticAdOptions.replay().twoSidedBernoulli()
                                    : StochasticAdOptions.replay());
                }
            }
        }
        System.out.println(String.join("\n", out));
    }

    /** The formulations by key. */
    private static Map<String, Form> forms(LundSettings base, LundSettings old, double ps, int threads) {
        PathwiseFragmenter.Options lab = new PathwiseFragmenter.Options(false, true, true, 24, false, false, false);
        PathwiseFragmenter.Options splitOnly = new PathwiseFragmenter.Options(false, true, true, 24, true, false, false);
        PathwiseFragmenter.Options std = PathwiseFragmenter.Options.standard();
        PathwiseFragmenter.Options std12 = std.withNodes(12);
        PathwiseFragmenter.Options byZ = std.withStopByZ(true);
        PathwiseFragmenter.Options byZ12 = byZ.withNodes(12);
        PathwiseFragmenter.Options plane12 = std12.withFinalPlane(true);
        PathwiseFragmenter.Options byZPlane12 = byZ12.withFinalPlane(true);
        StochasticAdOptions twoSided = StochasticAdOptions.replay().twoSidedBernoulli();
        Map<String, Form> m = new LinkedHashMap<>();
        m.put("score", new Form("score function + baseline (ptScore)",
                (o, mean) -> LundProgram.of(old, o).withPtBaseline(mean), Estimators.scoreFunctionWithBaseline()));
        m.put("law", new Form(LawScoreEstimator.NAME, (o, mean) -> LundProgram.of(old, o),
                p -> LawScoreEstimator.of((LundProgram) p, threads)));
        m.put("lab", new Form("stochastic AD (pathwise: lab - cond. stop + veto split, finalTwo hard, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, lab), Estimators.stochasticAd()));
        m.put("split", new Form("stochastic AD (pathwise: cond. stop + veto split + finalTwo pT split, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, splitOnly), Estimators.stochasticAd()));
        m.put("ord", new Form("stochastic AD (pathwise: split + finalTwo ordering averaged, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, std), Estimators.stochasticAd()));
        m.put("ord12", new Form("stochastic AD (pathwise: split + ordering averaged, 12 nodes, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, std12), Estimators.stochasticAd()));
        m.put("ord12ts", new Form("stochastic AD (pathwise: split + ordering averaged, 12 nodes, two-sided Bernoulli, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, std12),
                Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli())));
        m.put("pl12", new Form("stochastic AD (pathwise: finalTwo conditioned on the 2D pT, ordering averaged, 12 nodes, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, plane12), Estimators.stochasticAd()));
        m.put("pl12ts", new Form("stochastic AD (pathwise: finalTwo conditioned on the 2D pT, 12 nodes, two-sided Bernoulli, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, plane12), Estimators.stochasticAd(twoSided)));
        m.put("rcpl12ts", new Form("stochastic AD (pathwise: finalTwo 2D pT, restart-conditioned, 12 nodes, two-sided, m=1)",
                (o, mean) -> PathwiseProgram.restartConditioned(base, o, mean, ps, plane12),
                Estimators.stochasticAd(twoSided)));
        m.put("byzpl12ts", new Form("stochastic AD (pathwise: joint stop, finalTwo 2D pT, 12 nodes, two-sided, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, byZPlane12), Estimators.stochasticAd(twoSided)));
        m.put("byzrcpl12ts", new Form("stochastic AD (pathwise: joint stop, finalTwo 2D pT, restart-conditioned, 12 nodes, two-sided, m=1)",
                (o, mean) -> PathwiseProgram.restartConditioned(base, o, mean, ps, byZPlane12),
                Estimators.stochasticAd(twoSided)));
        // what users select: Lund:differentiation = pathwise, pathwiseStop = joint, pathwiseFinalTwo = plane,
        // pathwiseRestarts = conditioned (pilots of Lund:pathwisePilotEvents fast-path events per theta)
        LundSettings selected = base.with(LundSettings.DIFFERENTIATION, LundSettings.Differentiation.PATHWISE.word())
                .with(LundSettings.PATHWISE_STOP, LundSettings.PathwiseStop.JOINT.word())
                .with(LundSettings.PATHWISE_FINAL_TWO, LundSettings.PathwiseFinalTwo.PLANE.word())
                .with(LundSettings.PATHWISE_RESTARTS, LundSettings.PathwiseRestarts.CONDITIONED.word());
        m.put("byzpl12tsC", new Form("stochastic AD (pathwise: joint stop, finalTwo 2D pT, restarts conditioned by the setting, 12 nodes, two-sided, m=1)",
                (o, mean) -> LundProgram.of(selected, o), Estimators.stochasticAd(twoSided)));
        m.put("byzhybpl12tsC", new Form("hybrid (pathwise: joint stop, finalTwo 2D pT, restarts conditioned by the setting, two-sided)",
                (o, mean) -> LundProgram.of(selected, o), Estimators.hybrid(twoSided)));
        // the same with the stop smoothed by the smear alone (no per-hadron quadrature), and finalTwo radial
        LundSettings smear = selected.with(LundSettings.PATHWISE_STOP, LundSettings.PathwiseStop.SMEAR.word());
        m.put("hybpl12tsC", new Form("hybrid (pathwise: smear stop, finalTwo 2D pT, restarts conditioned by the setting, two-sided)",
                (o, mean) -> LundProgram.of(smear, o), Estimators.hybrid(twoSided)));
        LundSettings smearRadial = smear.with(LundSettings.PATHWISE_FINAL_TWO, LundSettings.PathwiseFinalTwo.RADIAL.word());
        m.put("hyb12tsC", new Form("hybrid (pathwise: smear stop, finalTwo radial split, restarts conditioned by the setting, two-sided)",
                (o, mean) -> LundProgram.of(smearRadial, o), Estimators.hybrid(twoSided)));
        m.put("byzrc12ts", new Form("stochastic AD (pathwise: joint stop, finalTwo radial split, restart-conditioned, 12 nodes, two-sided, m=1)",
                (o, mean) -> PathwiseProgram.restartConditioned(base, o, mean, ps, byZ12),
                Estimators.stochasticAd(twoSided)));
        m.put("ordts", new Form("stochastic AD (pathwise: split + ordering averaged, two-sided Bernoulli, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, std),
                Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli())));
        m.put("rcts", new Form("stochastic AD (pathwise: split + restart-conditioned, two-sided Bernoulli, m=1)",
                (o, mean) -> PathwiseProgram.restartConditioned(base, o, mean, ps, std),
                Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli())));
        m.put("byz", new Form("stochastic AD (pathwise: stop smoothed by z and smear + finalTwo split, ordering averaged, m=1)",
                (o, mean) -> new PathwiseProgram(base, o, mean, byZ), Estimators.stochasticAd()));
        m.put("byzrc", new Form("stochastic AD (pathwise: stop smoothed by z and smear, restart-conditioned, m=1)",
                (o, mean) -> PathwiseProgram.restartConditioned(base, o, mean, ps, byZ), Estimators.stochasticAd()));
        m.put("byzsf", new Form("pathwise z + score of the conditioned decisions, stop smoothed by z (+ baseline)",
                (o, mean) -> new PathwiseProgram(base, o, mean, byZ), Estimators.scoreFunctionWithBaseline()));
        m.put("byzhyb", new Form("hybrid (stop smoothed by z; SAD with pathwise z + decision score)",
                (o, mean) -> new PathwiseProgram(base, o, mean, byZ), Estimators.hybrid()));
        m.put("byzrc12", new Form("stochastic AD (pathwise: stop smoothed by z and smear, restart-conditioned, 12 nodes, m=1)",
                (o, mean) -> PathwiseProgram.restartConditioned(base, o, mean, ps, byZ12), Estimators.stochasticAd()));
        m.put("byzhybrc12", new Form("hybrid (stop smoothed by z, restart-conditioned, 12 nodes)",
                (o, mean) -> PathwiseProgram.restartConditioned(base, o, mean, ps, byZ12), Estimators.hybrid()));
        m.put("rc", new Form("stochastic AD (pathwise: split + restart-conditioned, m=1)",
                (o, mean) -> PathwiseProgram.restartConditioned(base, o, mean, ps, std), Estimators.stochasticAd()));
        m.put("sfpw", new Form("pathwise z + score of the conditioned decisions (+ baseline)",
                (o, mean) -> new PathwiseProgram(base, o, mean, std), Estimators.scoreFunctionWithBaseline()));
        m.put("sfpw12", new Form("pathwise z (12 nodes) + score of the conditioned decisions (+ baseline)",
                (o, mean) -> new PathwiseProgram(base, o, mean, std12), Estimators.scoreFunctionWithBaseline()));
        m.put("hyb", new Form("hybrid (pathwise SAD with pathwise z + decision score)",
                (o, mean) -> new PathwiseProgram(base, o, mean, std), Estimators.hybrid()));
        m.put("hybrc", new Form("hybrid (restart-conditioned pathwise SAD with pathwise z + decision score)",
                (o, mean) -> PathwiseProgram.restartConditioned(base, o, mean, ps, std), Estimators.hybrid()));
        m.put("m4", new Form("stochastic AD (pathwise: split, m=4)",
                (o, mean) -> new PathwiseProgram(base, o, mean, std),
                Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4))));
        return m;
    }

    /** Mean and sd of the pathwise part δ and of the flip part (SAD − δ) of the replay rows. */
    private static void split(String key, StochasticProgram program, double[] theta, long seed, int n, int np,
                              StochasticAdOptions options) {
        double[][] s = new double[np][7];
        double[][] flips = new double[np][n];
        double[][] totals = new double[np][n];
        for (int i = 0; i < n; i++) {
            double[] row = ReplayRows.row(options, program, theta, seed, i);
            int k = theta.length;
            for (int j = 0; j < np; j++) {
                double tot = row[1 + j];
                double d = row[1 + k + j];
                double flip = tot - d;
                flips[j][i] = flip * flip;
                s[j][0] += d;
                s[j][1] += d * d;
                s[j][2] += flip;
                s[j][3] += flip * flip;
                s[j][4] += tot;
                s[j][5] += tot * tot;
                s[j][6] += d * flip;
                totals[j][i] = tot * tot;
            }
        }
        for (int j = 0; j < np; j++) {
            double md = s[j][0] / n;
            double mf = s[j][2] / n;
            double mt = s[j][4] / n;
            double[] f2 = flips[j].clone();
            java.util.Arrays.sort(f2);
            double top = 0;
            for (int i = n - 1; i >= n - Math.max(1, n / 1000); i--) {
                top += f2[i];
            }
            System.err.printf(Locale.ROOT, "tail %s d/d%s: max |flip| %.4g, top 0.1%% carry %.1f%% of the flip second moment%n",
                    key, PAR[j], Math.sqrt(f2[n - 1]), 100 * top / s[j][3]);
            double sdD = Math.sqrt(s[j][1] / n - md * md);
            double sdF = Math.sqrt(s[j][3] / n - mf * mf);
            double corr = (s[j][6] / n - md * mf) / (sdD * sdF);
            double[] t2 = totals[j].clone();
            java.util.Arrays.sort(t2);
            double topT = 0;
            for (int i = n - 1; i >= n - Math.max(1, n / 1000); i--) {
                topT += t2[i];
            }
            System.err.printf(Locale.ROOT, "split %s d/d%s: pathwise %.5g (sd %.4g), flips %.5g (sd %.4g),"
                    + " total %.5g (sd %.4g), corr(pathwise, flips) %.3f, top 0.1%% of the total second moment"
                    + " %.1f%%%n", key, PAR[j], md, sdD, mf, sdF, mt, Math.sqrt(s[j][5] / n - mt * mt), corr,
                    100 * topT / s[j][5]);
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
}
