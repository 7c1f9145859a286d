package org.stochad.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.stochad.cli.chart.Plots;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.cli.report.ConsoleProgress;
import org.stochad.optim.Adam;
import org.stochad.optim.OptimizationResult;

/**
 * Fits a Poisson(p) to a NegativeBinomial(r = 10, q = 0.25) (failures before the 10th success,
 * mean r(1 − q)/q = 30) by minimising KL(Poisson(p) ‖ NegBin) with Adam and stochastic-AD
 * gradients — the expectation is over the Poisson draw, whose distribution depends on p.
 *
 * <p>Per sample X ~ Poisson(p), the loss is log Pois(X; p) − log NegBin(X); the log X! terms
 * cancel, leaving X·log p − p − log Γ(X + r) + log Γ(r) − r log q − X log(1 − q), and
 * log Γ(X + r) is looked up in a table so the program runs under propagation.
 *
 * <p><b>Exact optimum.</b> With E[g(X + 1) − g(X)] = d/dp E[g(X)] for a Poisson X,
 * d/dp KL = log(p/(1 − q)) − E[log(X + r)]. The optimum p* solves
 * log(p* / (1 − q)) = E_{p*}[log(X + r)]. This has no elementary closed form; the example and its test
 * evaluate the expectation as an exact Poisson series (truncated below 1e−17) and solve for p* with
 * Brent's method, giving p* to about 1e−10 — independent of any estimator.
 */
public final class PoissonFit implements WorkedExample {

    /** The negative binomial's number of successes r. */
    public static final double R = 10;
    /** The negative binomial's success probability q. */
    public static final double Q = 0.25;
    private static final int TABLE = 4096;
    private static final double[] LOG_GAMMA_X_PLUS_R = logGammaTable();
    private static final double CONSTANT = LogGamma.value(R) - R * Math.log(Q);
    private static final double LOG_FAIL = Math.log(1 - Q);

    @Override
    public String name() {
        return "poisson-fit";
    }

    @Override
    public String summary() {
        return "minimise KL(Poisson(p) ‖ NegBin(10, 0.25)) by Adam with stochastic-AD gradients;"
                + " compare with the exact optimum";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("start", 5.0, "rate", 0.5, "steps", 400.0);
    }

    private static double[] logGammaTable() {
        double[] t = new double[TABLE];
        for (int k = 0; k < TABLE; k++) {
            t[k] = LogGamma.value(k + R);
        }
        return t;
    }

    /** @return the per-sample loss log Pois(X; p) − log NegBin(X), X ~ Poisson(p); parameter p */
    public static StochasticProgram loss() {
        return (StochasticProgram & java.io.Serializable) (s, t) -> {
            StochasticTriple p = t[0];
            StochasticTriple x = s.poisson(p);
            if (x.value() >= TABLE - 1) {
                throw new IllegalArgumentException("poisson-fit: p = " + p.value() + " is too large");
            }
            return x.times(p.log()).minus(p).minus(StochasticTriple.select(LOG_GAMMA_X_PLUS_R, x))
                    .plus(CONSTANT).minus(x.times(LOG_FAIL));
        };
    }

    /**
     * @param p the Poisson mean, &gt; 0
     * @return {KL(Poisson(p) ‖ NegBin), d/dp KL}, both from exact Poisson series
     */
    public static double[] exact(double p) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("poisson-fit: p = " + p + " is not > 0");
        }
        PoissonDistribution d = PoissonDistribution.of(p);
        double eLogGamma = 0;
        double eLog = 0;
        int hi = (int) Math.ceil(p + 40 * Math.sqrt(p) + 60);
        for (int k = 0; k <= hi; k++) {
            double w = d.probability(k);
            eLogGamma += w * LogGamma.value(k + R);
            eLog += w * Math.log(k + R);
        }
        double kl = p * Math.log(p) - p - eLogGamma + CONSTANT - p * LOG_FAIL;
        return new double[] {kl, Math.log(p) - LOG_FAIL - eLog};
    }

    /** @return the exact minimiser p* of KL(Poisson(p) ‖ NegBin(10, 0.25)) */
    public static double exactOptimum() {
        return new BrentSolver(1e-12, 1e-14).solve(200, x -> exact(x)[1], 1, 100);
    }

    @Override
    public Report run(RunSettings settings, Map<String, Double> given) {
        Map<String, Double> v = resolve(given);
        double start = WorkedExample.inRange("start", v.get("start"), 0.5, 200);
        double rate = WorkedExample.inRange("rate", v.get("rate"), 1e-4, 50);
        int steps = WorkedExample.wholeInRange("steps", v.get("steps"), 1, 100_000);
        int perStep = settings.samplesOr(200);
        double optimum = exactOptimum();
        double[] lo = {0.5};
        double[] hi = {200};
        List<Estimator> estimators = List.of(
                Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(settings.threads())),
                Estimators.scoreFunction().withParallelism(settings.threads()));
        List<OptimizationResult> runs = new ArrayList<>();
        if (settings.inProcess()) {
            for (Estimator e : estimators) {
                runs.add(Adam.of(rate).withBounds(lo, hi).withProgress(ConsoleProgress.of(settings.progress()))
                        .minimize(loss(), e, new double[] {start}, steps, perStep, settings.seed()));
            }
        } else {
            // one task per estimator's run (stochad --spark): the same runs, elsewhere
            long seed = settings.seed();
            runs.addAll(settings.tasks().map("poisson-fit", estimators.size(), i -> Adam.of(rate).withBounds(lo, hi)
                    .minimize(loss(), estimators.get(i), new double[] {start}, steps, perStep, seed), () -> { }));
        }
        Table.Builder summary = Table.builder("Adam (rate " + rate + ", " + steps + " steps, " + perStep
                + " samples per step) from p = " + start, "estimator", "final p", "mean p, last quarter",
                "sd p, last quarter", "exact p*", "KL at mean p", "exact KL(p*)", "seconds");
        double[][] path = new double[runs.size()][];
        for (int i = 0; i < runs.size(); i++) {
            OptimizationResult r = runs.get(i);
            double[][] params = r.parameters();
            path[i] = new double[params.length];
            for (int t = 0; t < params.length; t++) {
                path[i][t] = params[t][0];
            }
            double[] tail = tail(path[i], steps / 4);
            summary.row(estimators.get(i).name(), r.last()[0], tail[0], tail[1], optimum, exact(tail[0])[0],
                    exact(optimum)[0], r.nanos() / 1e9);
        }
        Table.Builder trace = Table.builder("trajectory (every " + Math.max(1, steps / 8) + " steps)", "step",
                "p (stochastic AD)", "p (score function)", "exact d/dp KL at p (SAD)");
        for (int t = 0; t <= steps; t += Math.max(1, steps / 8)) {
            trace.row(t, path[0][t], path[1][t], exact(path[0][t])[1]);
        }
        double[] xs = new double[steps + 1];
        double[] opt = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            xs[t] = t;
            opt[t] = optimum;
        }
        Path plot = Plots.write(settings.file("poisson-fit.png"), "Adam on KL(Poisson(p) ‖ NegBin(10, 0.25))",
                "step", "p", Plots.Axis.STEPS, Plots.Axis.LINEAR, List.of(Plots.Series.line("stochastic AD", xs, path[0]),
                        Plots.Series.line("score function", xs, path[1]),
                        Plots.Series.line(String.format(Locale.ROOT, "exact optimum p* = %.4f", optimum), xs, opt)));
        return new Report("poisson-fit", List.of(summary.build(), trace.build()), List.of(
                String.format(Locale.ROOT, "exact optimum p* = %.6f solves log(p/0.75) = E_p[log(X + 10)];"
                        + " the negative binomial's mean is 30", optimum),
                "ordinary AD would see only X/p − 1 per sample, whose mean is 0 at every p: it cannot move p"),
                List.of(plot));
    }

    /**
     * @param path a trajectory
     * @param n    how many final entries
     * @return {mean, standard deviation} of the last n entries
     */
    static double[] tail(double[] path, int n) {
        int from = Math.max(0, path.length - Math.max(1, n));
        double m = 0;
        for (int i = from; i < path.length; i++) {
            m += path[i];
        }
        m /= path.length - from;
        double ss = 0;
        for (int i = from; i < path.length; i++) {
            ss += (path[i] - m) * (path[i] - m);
        }
        return new double[] {m, Math.sqrt(ss / Math.max(1, path.length - from - 1))};
    }
}
