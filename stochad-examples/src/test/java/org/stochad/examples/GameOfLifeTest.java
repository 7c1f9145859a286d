package org.stochad.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

class GameOfLifeTest {

    private static final double P = 0.5;
    private static final double THETA = 0.1;

    /** The full program with one parameter held fixed, so each derivative gets its own replay. */
    private static StochasticProgram only(int direction) {
        StochasticProgram full = GameOfLife.program(GameOfLife.SIZE, GameOfLife.GENERATIONS);
        return (s, t) -> full.run(s, direction == 0
                ? new StochasticTriple[] {t[0], StochasticTriple.constant(THETA)}
                : new StochasticTriple[] {StochasticTriple.constant(P), t[0]});
    }

    @Test
    void replayAgreesWithCommonRandomNumberCentralDifference() {
        double[] at = {P, THETA};
        // (exhaustive replay was tried: its per-sample spread is only ~1.5× smaller, at ~20–100× the
        // cost, because the conditional derivative itself varies from board to board)
        int[] replaySamples = {150_000, 150_000};
        // the bias each direction's check can see, as a fraction of the derivative: the CRN
        // difference is itself noisy, and flips of the 108 rule draws make d/dθ noisier than d/dp
        double[] sensitivity = {0.12, 0.25};
        for (int j = 0; j < 2; j++) {
            StochasticProgram program = only(j);
            double[] theta = {at[j]};
            GradientEstimate sad = Estimators.stochasticAd().estimate(program, theta, replaySamples[j], 5);
            GradientEstimate fd = Estimators.finiteDifference(0.02).estimate(program, theta, 80_000, 6);
            double se = Math.hypot(sad.standardError(0), fd.standardError(0));
            System.out.printf("game-of-life direction %d: replay %.4f ± %.4f, CRN difference %.4f ± %.4f%n", j,
                    sad.mean(0), sad.standardError(0), fd.mean(0), fd.standardError(0));
            assertThat(Math.abs(sad.mean(0) - fd.mean(0))).as("direction %d: %s vs %s", j, sad, fd)
                    .isLessThanOrEqualTo(5 * se);
            assertThat(5 * se).isLessThan(sensitivity[j] * Math.abs(fd.mean(0)));
        }
    }

    @Test
    void oneReplayGivesBothComponentsUnbiased() {
        StochasticProgram full = GameOfLife.program(GameOfLife.SIZE, GameOfLife.GENERATIONS);
        GradientEstimate both = Estimators.stochasticAd().estimate(full, new double[] {P, THETA}, 20_000, 8);
        GradientEstimate fdP = Estimators.finiteDifference(0.02).estimate(only(0), new double[] {P}, 40_000, 6);
        double se = Math.hypot(both.standardError(0), fdP.standardError(0));
        assertThat(Math.abs(both.mean(0) - fdP.mean(0))).isLessThanOrEqualTo(5 * se);
    }

    @Test
    void propagationRefusesTheBranchingProgram() {
        StochasticProgram full = GameOfLife.program(GameOfLife.SIZE, GameOfLife.GENERATIONS);
        assertThatThrownBy(() -> Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1))
                .estimate(full, new double[] {P, THETA}, 20, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REPLAY");
    }
}
