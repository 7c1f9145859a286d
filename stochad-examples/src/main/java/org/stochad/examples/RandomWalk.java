package org.stochad.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stochad.cli.chart.Plots;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.study.StudyRow;

/**
 * StochasticAD.jl's random walk: start at X = 0 and take n steps, each +1 with probability
 * exp(−X/p) and −1 otherwise (at X = 0 the step is +1 for sure, so X never goes negative); the
 * target is E[X_n²]. The step is a categorical draw whose index looks up the step table
 * {+1, −1}, so the program runs under propagation as well as replay.
 *
 * <p><b>Exact derivative.</b> The position is a Markov chain on 0…n. Its distribution π_t is
 * pushed forward by the transition matrix T(p), π_{t+1} = π_t T, and forward-mode
 * differentiation of that recursion gives π'_{t+1} = π'_t T + π_t T', with
 * T'(x, x ± 1) = ± exp(−x/p)·x/p². Then d/dp E[X_n²] = Σ_x π'_n(x)·x², exact up to rounding.
 */
public final class RandomWalk implements WorkedExample {

    private static final double[] STEPS = {1, -1};
    private static final List<String> P = List.of("p");

    @Override
    public String name() {
        return "random-walk";
    }

    @Override
    public String summary() {
        return "StochasticAD.jl's random walk (categorical step + table lookup): d/dp E[X_n²], exact by"
                + " forward-mode on the transition matrix; variance of SAD vs score function across n";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    /**
     * @param n the number of steps, &ge; 0
     * @return the program, parameter p &gt; 0 (serializable, so it can run on a Spark cluster)
     */
    public static StochasticProgram program(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("random-walk: n = " + n + " is negative");
        }
        return (StochasticProgram & java.io.Serializable) (s, t) -> {
            StochasticTriple p = t[0];
            StochasticTriple x = StochasticTriple.constant(0);
            for (int i = 0; i < n; i++) {
                StochasticTriple up = x.neg().div(p).exp();
                StochasticTriple step = s.categorical(up, up.neg().plus(1));
                x = x.plus(StochasticTriple.select(STEPS, step));
            }
            return x.square();
        };
    }

    /**
     * The exact E[X_n²] and its p-derivative by forward propagation of the position distribution.
     *
     * @param n steps
     * @param p the parameter, &gt; 0
     * @return {E[X_n²], d/dp E[X_n²]}
     */
    public static double[] exact(int n, double p) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("random-walk: p = " + p + " is not > 0");
        }
        double[] pi = new double[n + 2];
        double[] dpi = new double[n + 2];
        pi[0] = 1;
        for (int t = 0; t < n; t++) {
            double[] next = new double[n + 2];
            double[] dnext = new double[n + 2];
            for (int x = 0; x <= t && x <= n; x++) {
                if (pi[x] == 0 && dpi[x] == 0) {
                    continue;
                }
                double q = Math.exp(-x / p);
                double dq = q * x / (p * p);
                next[x + 1] += pi[x] * q;
                dnext[x + 1] += dpi[x] * q + pi[x] * dq;
                if (x > 0) {
                    next[x - 1] += pi[x] * (1 - q);
                    dnext[x - 1] += dpi[x] * (1 - q) - pi[x] * dq;
                }
            }
            pi = next;
            dpi = dnext;
        }
        double e = 0;
        double de = 0;
        for (int x = 0; x < pi.length; x++) {
            e += pi[x] * x * x;
            de += dpi[x] * x * x;
        }
        return new double[] {e, de};
    }

    @Override
    public Report run(RunSettings settings, Map<String, Double> given) {
        resolve(given);
        int samples = settings.samplesOr(4_000);
        List<Estimator> estimators = estimators();
        List<Comparison.Case> headline = List.of(testCase(50, 100), testCase(100, 50));
        List<Comparison.Result> main = Comparison.run("random-walk", headline, estimators, samples, settings);
        Table mainTable = Comparison.table("d/dp E[X_n²] of StochasticAD.jl's random walk", main);

        int[] ns = {10, 20, 50, 100, 200};
        double p = 50;
        List<Comparison.Case> scan = new ArrayList<>();
        for (int n : ns) {
            scan.add(testCase(n, p));
        }
        List<Comparison.Result> across = Comparison.run("random-walk, p=50", scan, estimators,
                Math.max(2, samples / 2), settings);
        List<Plots.Series> series = new ArrayList<>();
        double[][] col = new double[estimators.size()][ns.length];
        for (int i = 0; i < ns.length; i++) {
            Comparison.Result r = across.get(i);
            for (int e = 0; e < estimators.size(); e++) {
                col[e][i] = r.row(estimators.get(e).name(), 0).sdPerSample();
            }
        }
        Table sd = byNTable(ns, across.stream().mapToDouble(r -> r.testCase().exact()[0]).toArray(), col);
        double[] xs = java.util.Arrays.stream(ns).asDoubleStream().toArray();
        for (int e = 0; e < estimators.size(); e++) {
            series.add(Plots.Series.points(estimators.get(e).name(), xs, col[e], null));
        }
        Path plot = Plots.write(settings.file("random-walk-variance.png"),
                "random walk, p = 50: sd of one sample's d/dp E[X²]", "steps n", "sd per sample", Plots.Axis.LOG, Plots.Axis.LOG, series);
        return new Report("random-walk", List.of(mainTable, sd), List.of(
                "exact values by forward-mode differentiation of the position distribution (transition matrix)",
                "the score function's spread grows fastest with n (it multiplies a sum of n score terms by X²);"
                        + " stochastic AD's stays several times below it, propagation's lowest"), List.of(plot));
    }

    /** The short column labels of {@link #estimators()}, in the same order. */
    static final List<String> LABELS = List.of("SAD propagate", "SAD replay", "hybrid", "score", "score+baseline");

    /**
     * @return the estimators compared: stochastic AD by propagation and by replay, the hybrid, the
     *         score function without and with baseline
     */
    static List<Estimator> estimators() {
        return List.of(Estimators.stochasticAd(StochasticAdOptions.propagate()),
                Estimators.stochasticAd(StochasticAdOptions.replay()), Estimators.hybrid(),
                Estimators.scoreFunction(), Estimators.scoreFunctionWithBaseline());
    }

    /**
     * The "by n" table: per n, the exact derivative, each estimator's per-sample sd under its own
     * label, and the ratio of the score function with baseline to stochastic AD by replay.
     *
     * @param ns    the step counts
     * @param exact the exact derivative per step count
     * @param sd    per estimator (in the order of {@link #estimators()}) and step count, the sd per sample
     * @return the table
     */
    static Table byNTable(int[] ns, double[] exact, double[][] sd) {
        if (sd.length != LABELS.size()) {
            throw new IllegalArgumentException("sd has " + sd.length + " estimators, not " + LABELS.size());
        }
        List<String> columns = new ArrayList<>(List.of("n", "exact"));
        columns.addAll(LABELS);
        columns.add("score+baseline / SAD replay");
        Table.Builder t = Table.builder("per-sample standard deviation of d/dp E[X_n²] at p = 50, by n",
                columns.toArray(new String[0]));
        int replay = LABELS.indexOf("SAD replay");
        int baseline = LABELS.indexOf("score+baseline");
        for (int i = 0; i < ns.length; i++) {
            List<Object> row = new ArrayList<>(List.of(ns[i], exact[i]));
            for (double[] column : sd) {
                row.add(column[i]);
            }
            row.add(sd[baseline][i] / sd[replay][i]);
            t.row(row.toArray());
        }
        return t.build();
    }

    /**
     * @param n steps
     * @param p the parameter
     * @return the case with its exact derivative
     */
    static Comparison.Case testCase(int n, double p) {
        return new Comparison.Case("n=" + n + ",p=" + fmt(p), n, program(n), new double[] {p}, P,
                new double[] {exact(n, p)[1]});
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
