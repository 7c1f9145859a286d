package org.stochad.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stochad.cli.chart.Plots;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

/**
 * StochasticAD.jl's introductory program, which mixes a Binomial, a Bernoulli and a
 * reparameterised Normal:
 * <pre>
 *   a = p(1 − p);  b ~ Binomial(10, p);  c = 2b + 3·Bernoulli(p);  X = a · c · Normal(b, a)
 * </pre>
 *
 * <p><b>Exact expectation.</b> Write B for the Bernoulli draw and N = b + a·ξ for the Normal
 * (ξ standard normal, independent of b and B). Given b and B, E[N] = b, so
 * E[X] = a·E[c·b] = a·(2E[b²] + 3E[B]E[b]) because B and b are independent. With
 * E[b] = 10p, E[b²] = Var b + (E b)² = 10p(1 − p) + 100p² and E[B] = p:
 * <pre>
 *   E[c·b] = 20p(1 − p) + 200p² + 30p² = 20p + 210p²
 *   E[X]   = p(1 − p)(20p + 210p²) = 20p² + 190p³ − 210p⁴
 *   d/dp E[X] = 40p + 570p² − 840p³        (= 47.76 at p = 0.6)
 * </pre>
 * Ordinary AD on the same program sees b and B as constants and so misses every term that comes
 * from the dependence of their distributions on p.
 */
public final class Intro implements WorkedExample {

    private static final List<String> P = List.of("p");

    @Override
    public String name() {
        return "intro";
    }

    @Override
    public String summary() {
        return "StochasticAD.jl's intro: X = a·c·Normal(b, a), a = p(1−p), b ~ Binomial(10,p), c = 2b + 3·Bernoulli(p)";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("p", 0.6);
    }

    /** @return the program, parameter p */
    public static StochasticProgram program() {
        return (StochasticProgram & java.io.Serializable) (s, t) -> {
            StochasticTriple p = t[0];
            StochasticTriple a = p.times(p.neg().plus(1));
            StochasticTriple b = s.binomial(10, p);
            StochasticTriple c = b.times(2).plus(s.bernoulli(p).times(3));
            return a.times(c).times(s.normal(b, a));
        };
    }

    /**
     * @param p the point
     * @return E[X] = 20p² + 190p³ − 210p⁴
     */
    public static double expectation(double p) {
        return 20 * p * p + 190 * p * p * p - 210 * p * p * p * p;
    }

    /**
     * @param p the point
     * @return d/dp E[X] = 40p + 570p² − 840p³
     */
    public static double exactDerivative(double p) {
        return 40 * p + 570 * p * p - 840 * p * p * p;
    }

    @Override
    public Report run(RunSettings settings, Map<String, Double> given) {
        double p = WorkedExample.probability("p", resolve(given).get("p"));
        int samples = settings.samplesOr(20_000);
        List<Estimator> estimators = List.of(
                Estimators.stochasticAd(StochasticAdOptions.propagate()),
                Estimators.stochasticAd(StochasticAdOptions.replay()), Estimators.hybrid(),
                Estimators.scoreFunction(), Estimators.scoreFunctionWithBaseline(),
                Estimators.finiteDifference(0.01));
        List<Comparison.Result> res = Comparison.run("intro", List.of(new Comparison.Case("p=" + p, p, program(),
                new double[] {p}, P, new double[] {exactDerivative(p)})), estimators, samples, settings);
        Table table = Comparison.table("d/dp E[X] for StochasticAD.jl's intro program at p = " + p, res);
        List<Path> files = List.of(curvePlot(settings, samples));
        return new Report("intro", List.of(table), List.of(
                "exact: E[X] = 20p² + 190p³ − 210p⁴, d/dp E[X] = 40p + 570p² − 840p³ = "
                        + String.format(java.util.Locale.ROOT, "%.6g", exactDerivative(p)) + " (derivation in the class Javadoc of org.stochad.examples.Intro)"), files);
    }

    private static Path curvePlot(RunSettings settings, int samples) {
        Estimator sad = settings.place(
                Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(settings.threads())));
        int n = 19;
        double[] ps = new double[n];
        double[] est = new double[n];
        double[] err = new double[n];
        try (Progress bar = Progress.start(settings, "intro curve", n)) {
            for (int i = 0; i < n; i++) {
                ps[i] = 0.05 * (i + 1);
                GradientEstimate g = sad.estimate(program(), new double[] {ps[i]}, Math.max(2, samples / 10),
                        settings.seed() + i);
                est[i] = g.mean(0);
                err[i] = 2 * g.standardError(0);
                bar.step();
            }
        }
        int fine = 200;
        double[] pf = new double[fine];
        double[] exact = new double[fine];
        double[] value = new double[fine];
        for (int i = 0; i < fine; i++) {
            pf[i] = (i + 0.5) / fine;
            exact[i] = exactDerivative(pf[i]);
            value[i] = expectation(pf[i]);
        }
        return Plots.write(settings.file("intro-derivative.png"), "StochasticAD.jl intro program",
                "p", "E[X] and d/dp E[X]", Plots.Axis.LINEAR, Plots.Axis.LINEAR, List.of(
                        Plots.Series.line("E[X] = 20p² + 190p³ − 210p⁴", pf, value),
                        Plots.Series.line("exact d/dp E[X]", pf, exact),
                        Plots.Series.points("stochastic AD (propagate) ± 2 s.e.", ps, est, err)));
    }
}
