package org.stochad.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stochad.cli.chart.Plots;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.Sampler;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

/**
 * A stochastic Game of Life on an L×L torus: each cell is born alive with probability p, then for
 * T generations every cell applies Conway's rule (alive with 2 or 3 live neighbours stays alive,
 * dead with exactly 3 comes alive, otherwise dead) with probability 1 − θ, and keeps its state
 * otherwise. The output is the number of live cells at the end; the gradient is taken with
 * respect to (p, θ) in one replay per sample.
 *
 * <p>The program branches on the draws with ordinary Java {@code if}s, which only the replay
 * strategy supports; the branches use the triple predicates ({@code eq}), so the propagation
 * strategy refuses the program instead of silently dropping perturbations. No closed form
 * exists; the check is a common-random-number central difference.
 */
public final class GameOfLife implements WorkedExample {

    /** Board side used by the example and its test. */
    public static final int SIZE = 6;
    /** Generations used by the example and its test. */
    public static final int GENERATIONS = 3;
    private static final List<String> NAMES = List.of("p", "θ");

    @Override
    public String name() {
        return "game-of-life";
    }

    @Override
    public String summary() {
        return "stochastic Game of Life (birth prob. p, rules fire with prob. 1−θ): gradient of the final"
                + " live count by replay, checked against a CRN central difference";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("p", 0.5, "theta", 0.1);
    }

    /**
     * @param size        the board side, &ge; 3
     * @param generations the number of generations, &ge; 0
     * @return the program, parameters (p, θ)
     */
    public static StochasticProgram program(int size, int generations) {
        if (size < 3) {
            throw new IllegalArgumentException("game-of-life: size = " + size + " is less than 3");
        }
        if (generations < 0) {
            throw new IllegalArgumentException("game-of-life: generations = " + generations + " is negative");
        }
        return (StochasticProgram & java.io.Serializable) (s, t) -> {
            StochasticTriple p = t[0];
            StochasticTriple fire = t[1].neg().plus(1);
            int cells = size * size;
            boolean[] alive = new boolean[cells];
            // every cell draws exactly once per phase, so one stream per phase stays aligned in
            // both worlds of a replay
            Sampler birth = s.fork(0);
            for (int c = 0; c < cells; c++) {
                alive[c] = birth.bernoulli(p).eq(1);
            }
            for (int g = 0; g < generations; g++) {
                Sampler rules = s.fork(g + 1L);
                boolean[] next = new boolean[cells];
                for (int c = 0; c < cells; c++) {
                    int n = neighbours(alive, size, c);
                    boolean rule = alive[c] ? n == 2 || n == 3 : n == 3;
                    next[c] = rules.bernoulli(fire).eq(1) ? rule : alive[c];
                }
                alive = next;
            }
            int count = 0;
            for (boolean a : alive) {
                count += a ? 1 : 0;
            }
            return StochasticTriple.constant(count);
        };
    }

    private static int neighbours(boolean[] alive, int size, int c) {
        int row = c / size;
        int col = c % size;
        int n = 0;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                if (dr != 0 || dc != 0) {
                    int r = Math.floorMod(row + dr, size);
                    int k = Math.floorMod(col + dc, size);
                    n += alive[r * size + k] ? 1 : 0;
                }
            }
        }
        return n;
    }

    @Override
    public Report run(RunSettings settings, Map<String, Double> given) {
        Map<String, Double> v = resolve(given);
        double p = WorkedExample.probability("p", v.get("p"));
        double theta = WorkedExample.probability("theta", v.get("theta"));
        int samples = settings.samplesOr(20_000);
        StochasticProgram program = program(SIZE, GENERATIONS);
        double[] point = {p, theta};
        // the reference: a common-random-number central difference with many more samples
        Estimator fd = settings.place(Estimators.finiteDifference(0.02).withParallelism(settings.threads()));
        GradientEstimate ref;
        try (Progress bar = Progress.start(settings, "game-of-life reference", 1)) {
            ref = fd.estimate(program, point, 4 * samples, settings.seed() ^ 0x1F2E3D4CL);
            bar.step();
        }
        List<Estimator> estimators = List.of(Estimators.stochasticAd(StochasticAdOptions.replay()),
                Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4)), Estimators.hybrid(),
                Estimators.scoreFunction(), Estimators.scoreFunctionWithBaseline(), Estimators.finiteDifference(0.02));
        List<Comparison.Result> res = Comparison.run("game-of-life", List.of(new Comparison.Case(
                "p=" + p + ",θ=" + theta, p, program, point, NAMES, ref.mean())), estimators, samples, settings);
        Table table = Comparison.table("gradient of the final live count, " + SIZE + "×" + SIZE + " torus, "
                + GENERATIONS + " generations (exact column: CRN central difference, h = 0.02, "
                + 4 * samples + " samples)", res);
        String refusal;
        try {
            Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1)).estimate(program, point, 50,
                    settings.seed());
            refusal = "propagation ran (no perturbed branch was met in 50 samples)";
        } catch (IllegalStateException e) {
            refusal = "propagation refuses this program, as it should: " + e.getMessage();
        }
        List<Path> files = List.of(plot(settings, Math.max(2, samples / 4)));
        return new Report("game-of-life", List.of(table), List.of(
                String.format(java.util.Locale.ROOT, "reference (CRN central difference): d/dp = %.4f ± %.4f,"
                        + " d/dθ = %.4f ± %.4f", ref.mean(0), ref.standardError(0), ref.mean(1), ref.standardError(1)),
                refusal), files);
    }

    private static Path plot(RunSettings settings, int samples) {
        StochasticProgram program = program(SIZE, GENERATIONS);
        Estimator sad = settings.place(
                Estimators.stochasticAd(StochasticAdOptions.replay().parallelism(settings.threads())));
        int n = 9;
        double[] ps = new double[n];
        double[] dp = new double[n];
        double[] ep = new double[n];
        double[] dt = new double[n];
        double[] et = new double[n];
        try (Progress bar = Progress.start(settings, "game-of-life curve", n)) {
            for (int i = 0; i < n; i++) {
                ps[i] = 0.1 * (i + 1);
                GradientEstimate g = sad.estimate(program, new double[] {ps[i], 0.1}, samples, settings.seed() + i);
                dp[i] = g.mean(0);
                ep[i] = 2 * g.standardError(0);
                dt[i] = g.mean(1);
                et[i] = 2 * g.standardError(1);
                bar.step();
            }
        }
        List<Plots.Series> s = new ArrayList<>();
        s.add(Plots.Series.points("∂/∂p E[live] ± 2 s.e.", ps, dp, ep));
        s.add(Plots.Series.points("∂/∂θ E[live] ± 2 s.e.", ps, dt, et));
        return Plots.write(settings.file("game-of-life-gradient.png"),
                "stochastic Game of Life, θ = 0.1: gradient by replay (one run per sample for both)",
                "birth probability p", "gradient of the final live count", Plots.Axis.LINEAR, Plots.Axis.LINEAR, s);
    }
}
