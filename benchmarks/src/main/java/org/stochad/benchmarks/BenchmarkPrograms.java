package org.stochad.benchmarks;

import java.util.Arrays;
import java.util.Map;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.examples.RandomWalk;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observables;
import org.stochad.shower.ToyShower;

/** The programs the estimator benchmarks run, by name, with the parameter point of each. */
final class BenchmarkPrograms {

    /** A program and where to evaluate it. */
    record Case(StochasticProgram program, double[] theta) {
    }

    private static final Map<String, Case> CASES = Map.of(
            "sin-bernoulli", new Case((s, t) -> t[0].square().plus(s.bernoulli(t[0].times(2).sin().square())),
                    new double[] {0.7}),
            "branching", new Case(BenchmarkPrograms::branching, new double[] {0.6}),
            "random-walk", new Case(RandomWalk.program(100), new double[] {50}),
            "shower", new Case(ToyShower.shower(), new double[] {2.5}),
            "lund", lund(),
            "lund-a", lundA());

    private BenchmarkPrograms() {
    }

    static Case of(String name) {
        Case c = CASES.get(name);
        if (c == null) {
            throw new IllegalArgumentException("program = " + name + " is not one of " + CASES.keySet());
        }
        return c;
    }

    /** The pions-only q-q̄ string at E_CM = 100 GeV, ⟨N⟩ as a function of θ = (a, b, σ_pT, ρ): a 4-parameter gradient. */
    private static Case lund() {
        LundSettings settings = LundSettings.pionsOnly().with(LundSettings.E_CM, 100.0)
            .with(LundSettings.PT_SCORE, "off"); // pathwise σ, as measured in docs/performance.md
        return new Case(LundProgram.of(settings, Observables.multiplicity()), settings.theta());
    }

    /** The same event differentiated along a alone (b, σ_pT, ρ held as constants): a 1-parameter gradient. */
    private static Case lundA() {
        LundSettings settings = LundSettings.pionsOnly().with(LundSettings.E_CM, 100.0)
            .with(LundSettings.PT_SCORE, "off"); // pathwise σ, as measured in docs/performance.md
        StochasticProgram full = LundProgram.of(settings, Observables.multiplicity());
        double[] rest = settings.theta();
        StochasticProgram program = (s, t) -> full.run(s, new StochasticTriple[] {t[0],
            StochasticTriple.constant(rest[1]), StochasticTriple.constant(rest[2]), StochasticTriple.constant(rest[3])});
        return new Case(program, new double[] {rest[0]});
    }

    /** Each individual has two children with probability p; f = (population after 4 generations)². */
    static StochasticTriple branching(org.stochad.Sampler s, StochasticTriple[] t) {
        long[] generation = {1};
        for (int g = 0; g < 4; g++) {
            long[] next = new long[2 * generation.length];
            int n = 0;
            for (long id : generation) {
                if (s.fork(id).bernoulli(t[0]).value() == 1) {
                    next[n++] = 2 * id;
                    next[n++] = 2 * id + 1;
                }
            }
            generation = Arrays.copyOf(next, n);
        }
        double z = generation.length;
        return StochasticTriple.constant(z * z);
    }
}
