package org.stochad.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticProgram;
import org.stochad.shower.ToyShower;
import org.stochad.study.StudyRow;

/**
 * The two biased estimators — smoothed stochastic AD and straight-through — next to the unbiased
 * ones on the worked examples and the toy shower: each estimate's bias against the exact value
 * (closed form, or forward-mode on a Markov chain) or, where there is none (Game of Life, toy
 * shower), against a high-statistics replay estimate, with its per-sample variance and cost.
 */
public final class BiasedEstimators implements WorkedExample {

    /** Where the toy shower is measured: the published comparison's θ = 2.5. */
    public static final double SHOWER_THETA = 2.5;
    /** How many times the budget the high-statistics reference gets. */
    public static final int REFERENCE_FACTOR = 10;

    @Override
    public String name() {
        return "biased";
    }

    @Override
    public String summary() {
        return "smoothed and straight-through (both biased) vs the unbiased estimators: bias and variance on"
                + " the worked examples and the toy shower";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }

    /** One program, its point, and where its reference value comes from. */
    private record Case(String label, StochasticProgram program, double[] theta, List<String> names,
                        double[] exact, int samples) {
    }

    @Override
    public Report run(RunSettings settings, Map<String, Double> given) {
        resolve(given);
        int samples = settings.samplesOr(20_000);
        int few = Math.max(2, samples / 10);
        double[] inventory = Inventory.exact(3, 0.5);
        List<Case> cases = List.of(
                new Case("sin-Bernoulli x=0.3", SinBernoulli.program(), new double[] {0.3}, List.of("x"),
                        new double[] {SinBernoulli.exactDerivative(0.3)}, samples),
                new Case("intro p=0.6", Intro.program(), new double[] {0.6}, List.of("p"),
                        new double[] {Intro.exactDerivative(0.6)}, samples),
                new Case("random walk n=100,p=50", RandomWalk.program(100), new double[] {50}, List.of("p"),
                        new double[] {RandomWalk.exact(100, 50)[1]}, samples),
                new Case("inventory λ=3,r=0.5", Inventory.program(), new double[] {3, 0.5}, List.of("λ", "r"),
                        new double[] {inventory[1], inventory[2]}, few),
                new Case("game of life p=0.5,θ=0.2", GameOfLife.program(GameOfLife.SIZE, GameOfLife.GENERATIONS),
                        new double[] {0.5, 0.2}, List.of("p", "θ"), null, few),
                new Case("toy shower θ=" + SHOWER_THETA, ToyShower.shower(), new double[] {SHOWER_THETA},
                        List.of("θ"), null, few));
        List<Estimator> estimators = List.of(Estimators.stochasticAd(), Estimators.hybrid(),
                Estimators.scoreFunctionWithBaseline(), Estimators.smoothed(), Estimators.straightThrough());
        Table.Builder t = Table.builder("biased (smoothed, straight-through) and unbiased estimators against exact"
                        + " or high-statistics values", "case", "estimator", "d/d", "estimate", "std.err", "reference",
                "ref.se", "bias", "bias/|ref|", "z", "variance", "cost/primal");
        List<String> notes = new ArrayList<>();
        for (Case c : cases) {
            double[] reference = c.exact();
            double[] referenceSe = new double[c.theta().length];
            if (reference == null) {
                GradientEstimate ref = settings.place(Estimators.stochasticAd().withParallelism(settings.threads()))
                        .estimate(c.program(), c.theta(), REFERENCE_FACTOR * c.samples(), settings.seed() ^ 0x5EEDL);
                reference = ref.mean();
                referenceSe = ref.standardError();
                notes.add(String.format(Locale.ROOT, "%s: reference = stochastic AD (replay), %d samples, seed %d",
                        c.label(), REFERENCE_FACTOR * c.samples(), settings.seed() ^ 0x5EEDL));
            }
            Comparison.Result res = Comparison.run("biased", List.of(new Comparison.Case(c.label(), 0, c.program(),
                    c.theta(), c.names(), reference)), estimators, c.samples(), settings).get(0);
            for (StudyRow r : res.study().rows()) {
                int j = r.component();
                double bias = r.mean() - reference[j];
                double se = Math.hypot(r.standardError(), referenceSe[j]);
                t.row(c.label(), r.estimator(), c.names().get(j), r.mean(), r.standardError(), reference[j],
                        referenceSe[j], bias, String.format(Locale.ROOT, "%+.1f%%", 100 * bias / Math.abs(reference[j])),
                        bias / se, r.sdPerSample() * r.sdPerSample(), r.costRelativeToPrimal());
            }
        }
        notes.add("exact references: closed forms (sin-Bernoulli, intro), forward-mode on the position"
                + " distribution (random walk) and on the Markov chain (inventory); z = bias / √(se² + ref.se²)");
        notes.add("\"(biased)\" estimators are for optimisation steps where low variance matters more than bias;"
                + " never report their derivative (docs/guide.md §4, docs/math.md §9.1–9.2)");
        notes.add(String.format(Locale.ROOT, "samples per estimator: %d (sin-Bernoulli, intro, random walk), %d"
                + " (inventory, game of life, toy shower); seed %d", samples, few, settings.seed()));
        return new Report("biased", List.of(t.build()), notes, List.of());
    }
}
