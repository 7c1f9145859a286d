package org.stochad.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;

class InventoryTest {

    @Test
    void markovChainGradientIsTheDerivativeOfItsExpectation() {
        double[] e = Inventory.exact(3, 0.5);
        double h = 1e-5;
        double dl = (Inventory.exact(3 + h, 0.5)[0] - Inventory.exact(3 - h, 0.5)[0]) / (2 * h);
        double dr = (Inventory.exact(3, 0.5 + h)[0] - Inventory.exact(3, 0.5 - h)[0]) / (2 * h);
        assertThat(e[1]).isCloseTo(dl, Offset.offset(1e-5 * Math.abs(dl)));
        assertThat(e[2]).isCloseTo(dr, Offset.offset(1e-4));
    }

    @Test
    void markovChainExpectationMatchesSimulation() {
        // plain runs of the program: the finite-difference estimator's value is the mean of f, and
        // the same samples of f² give the spread
        int n = 20_000;
        double[] at = {3, 0.5};
        double mean = Estimators.finiteDifference(0.01).estimate(Inventory.program(), at, n, 9).value();
        double meanSquare = Estimators.finiteDifference(0.01)
                .estimate((s, t) -> Inventory.program().run(s, t).square(), at, n, 9).value();
        double se = Math.sqrt((meanSquare - mean * mean) / n);
        double exact = Inventory.exact(3, 0.5)[0];
        assertThat(Math.abs(mean - exact)).as("%s vs %s", mean, exact).isLessThanOrEqualTo(5 * se);
        // sensitive to a 0.5 % modelling error (e.g. one day's holding cost too many)
        assertThat(5 * se).isLessThan(0.005 * exact);
    }

    @Test
    void replayMatchesTheExactGradient() {
        double[] e = Inventory.exact(3, 0.5);
        GradientEstimate g = Estimators.stochasticAd().estimate(Inventory.program(), new double[] {3, 0.5}, 50_000, 12);
        System.out.printf("inventory: replay %s, exact %s%n", g, java.util.Arrays.toString(e));
        for (int j = 0; j < 2; j++) {
            assertThat(Math.abs(g.mean(j) - e[j + 1])).as("component %d: %s vs %s", j, g, e[j + 1])
                    .isLessThanOrEqualTo(5 * g.standardError(j));
        }
        // sensitive to a 15 % bias of the λ-derivative
        assertThat(5 * g.standardError(0)).isLessThan(0.15 * e[1]);
        // r alone (λ held fixed): one replay per sample spent on the lead-time draws only
        GradientEstimate r = Estimators.stochasticAd().estimate((s, t) -> Inventory.program().run(s,
                new org.stochad.StochasticTriple[] {org.stochad.StochasticTriple.constant(3), t[0]}),
                new double[] {0.5}, 60_000, 13);
        System.out.printf("inventory, r only: replay %s, exact %s%n", r, e[2]);
        assertThat(Math.abs(r.mean(0) - e[2])).isLessThanOrEqualTo(5 * r.standardError(0));
        // sensitive to a bias of 15 % of the gradient's norm
        assertThat(5 * r.standardError(0)).isLessThan(0.15 * Math.hypot(e[1], e[2]));
    }

    @Test
    void propagationRefusesTheBranchingProgram() {
        assertThatThrownBy(() -> Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1))
                .estimate(Inventory.program(), new double[] {3, 0.5}, 50, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REPLAY");
    }
}
