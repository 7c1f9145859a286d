package org.stochad.cli;

import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;

/** The {@code stochad} command-line program (first cut: the sin-Bernoulli demo). */
public final class Stochad {

    private Stochad() {
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        double x = 0.7;
        StochasticProgram program = (s, t) -> t[0].square().plus(s.bernoulli(t[0].times(2).sin().square()));
        double exact = 2 * x + 4 * Math.sin(2 * x) * Math.cos(2 * x);
        System.out.printf("f(x) = x² + Bernoulli(sin²(2x)) at x = %.1f; exact d/dx E[f] = %.6f%n", x, exact);
        Estimator[] estimators = {Estimators.stochasticAd(StochasticAdOptions.propagate()), Estimators.stochasticAd(),
            Estimators.scoreFunction(), Estimators.scoreFunctionWithBaseline(), Estimators.finiteDifference(0.01)};
        for (Estimator e : estimators) {
            GradientEstimate g = e.estimate(program, new double[] {x}, 100_000, 42);
            System.out.printf("%-36s %10.6f ± %.6f%n", e.name(), g.mean(0), g.standardError(0));
        }
    }
}
