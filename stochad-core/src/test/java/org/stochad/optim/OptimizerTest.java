package org.stochad.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.StochasticProgram;

class OptimizerTest {

    /** E[(N − 3)²] with N ~ Poisson(θ) is θ + (θ − 3)², minimised at θ = 2.5. */
    private static final StochasticProgram LOSS = (s, t) -> s.poisson(t[0]).minus(3).square();

    @Test
    void adamFindsTheClosedFormOptimum() {
        OptimizationResult r = Adam.of(0.05).minimize(LOSS, Estimators.stochasticAd(), new double[] {6.0}, 600, 64, 1);
        double tail = 0;
        for (int i = 500; i <= 600; i++) {
            tail += r.parameters()[i][0];
        }
        assertThat(tail / 101).isCloseTo(2.5, Offset.offset(0.1));
        assertThat(r.steps()).isEqualTo(600);
        assertThat(r.parameters()).hasNumberOfRows(601);
        assertThat(r.meanLossOfLast(100)).isCloseTo(2.75, Offset.offset(0.3));
    }

    @Test
    void sgdWithBoundsStaysInside() {
        OptimizationResult r = Sgd.of(0.05).withBounds(new double[] {3.2}, null)
                .minimize(LOSS, Estimators.scoreFunctionWithBaseline(), new double[] {6.0}, 200, 64, 2);
        for (double[] p : r.parameters()) {
            assertThat(p[0]).isGreaterThanOrEqualTo(3.2);
        }
        assertThat(r.last()[0]).isCloseTo(3.2, Offset.offset(0.05));
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> Adam.of(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate = -1");
        assertThatThrownBy(() -> Adam.of(0.1).minimize(LOSS, Estimators.stochasticAd(), new double[] {1}, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps = 0");
    }
}
