package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.HadronQuantity;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;

/**
 * The fast path's law score with conditioned restarts and per-step control variates
 * ({@link LawScoreEstimator}) against high-statistics CRN central differences of ⟨N⟩ and ⟨thrust⟩
 * (pions-only u-ū at 100 GeV, 3.2·10⁶ samples: research note, round 3), with a standard error that
 * resolves a 3 % bias of d⟨N⟩/da and d⟨N⟩/db; its variance against the plain score function's; the
 * edge a &lt; 0.02 where the law does not depend on a; and its refusals.
 */
class LawScoreEstimatorTest {

    private static final LundSettings PIONS = LundSettings.pionsOnly();
    private static final double[] THETA = {0.68, 0.98, 0.335, 0};
    private static final int SAMPLES = 200_000;
    private static final String[] NAMES = {"a", "b", "sigma"};

    private static GradientEstimate estimate(Observable o, double[] theta, long seed) {
        LundProgram program = LundProgram.of(PIONS, o);
        return LawScoreEstimator.of(program, 2).estimate(program, theta, SAMPLES, seed);
    }

    /** |mean − FD| within 5 combined s.e. (the estimate's includes the pilot's K̂ error); 5 s.e. below {@code resolved}·|FD|. */
    private static void assertUnbiased(GradientEstimate g, double[] fd, double[] fdSe, double[] resolved, String what) {
        for (int j = 0; j < fd.length; j++) {
            double combined = Math.sqrt(g.standardError(j) * g.standardError(j) + fdSe[j] * fdSe[j]);
            assertThat(Math.abs(g.mean(j) - fd[j])).as("%s d/d%s: %s ± %s vs FD %s ± %s", what, NAMES[j], g.mean(j),
                    g.standardError(j), fd[j], fdSe[j]).isLessThanOrEqualTo(5 * combined);
            assertThat(5 * g.standardError(j)).as("%s d/d%s resolution", what, NAMES[j])
                    .isLessThan(resolved[j] * Math.abs(fd[j]));
        }
    }

    @Test
    void multiplicityGradientIsUnbiasedAndBeatsTheScoreFunctionsVariance() {
        GradientEstimate law = estimate(Observables.multiplicity(), THETA, 20_261_202L);
        assertUnbiased(law, new double[] {5.5081, -4.0837, -24.060}, new double[] {0.0184, 0.0189, 0.037},
                new double[] {0.03, 0.03, 0.05}, "<N>");
        LundProgram scored = LundProgram.of(PIONS.with(LundSettings.PT_SCORE, "on"), Observables.multiplicity())
                .withPtBaseline(16.09);
        GradientEstimate score = Estimators.scoreFunctionWithBaseline().withParallelism(2).estimate(scored, THETA,
                SAMPLES / 2, 20_261_203L);
        // measured at 4·10⁵ samples: 0.20, 0.23, 0.55 (a, b, σ); 0.30, 0.27, 0.56 without the
        // sufficient-statistic control variates
        double[] bound = {0.26, 0.29, 0.68};
        for (int j = 0; j < 3; j++) {
            assertThat(law.variance(j) / score.variance(j)).as("variance ratio to score + baseline, d<N>/d%s", NAMES[j])
                    .isLessThan(bound[j]);
        }
    }

    @Test
    void thrustGradientIsUnbiased() {
        GradientEstimate law = estimate(Observables.thrust(), THETA, 20_261_204L);
        assertUnbiased(law, new double[] {-0.005414, 0.004594, -0.022725}, new double[] {0.000031, 0.000034, 0.000065},
                new double[] {0.04, 0.05, 0.1}, "<thrust>");
    }

    /** A histogram bin (a score function needs no bin-edge conditioning), against a 1.6·10⁶-sample CRN FD (round 7). */
    @Test
    void xEBinGradientIsUnbiased() {
        GradientEstimate law = estimate(Observables.hadronBin(HadronQuantity.X_E, 0.1, 0.2), THETA, 20_261_207L);
        assertUnbiased(law, new double[] {0.938391, -0.483234, -2.72841}, new double[] {0.012, 0.014, 0.027},
                new double[] {0.05, 0.1, 0.2}, "x_E bin");
    }

    /**
     * K̂ multiplies every sample alike, so its error is in the reported standard error: with pilots
     * of 100 events it dominates (≈ 4 % of d⟨N⟩/da against 0.6 % from 20,000 samples), and the spread
     * of twelve estimates whose pilots differ (Random:seed) matches the reported s.e. — where the
     * samples' s.e. alone would be 6× too small.
     */
    @Test
    void pilotErrorIsInTheStandardError() {
        int runs = 12;
        double[] est = new double[runs];
        double se2 = 0;
        double samplesSe2 = 0;
        for (int r = 0; r < runs; r++) {
            LundProgram program = LundProgram.of(PIONS.with(LundSettings.SEED, String.valueOf(7100 + r)),
                    Observables.multiplicity()).overAB();
            GradientEstimate g = LawScoreEstimator.of(program, 2, 100).estimate(program, new double[] {0.68, 0.98},
                    20_000, 20_261_210L + r);
            est[r] = g.mean(0);
            se2 += g.standardError(0) * g.standardError(0) / runs;
            samplesSe2 += g.variance(0) / g.samples() / runs;
            assertThat(g.note()).contains("K-hat");
        }
        double mean = java.util.Arrays.stream(est).average().orElseThrow();
        double spread = Math.sqrt(java.util.Arrays.stream(est).map(x -> (x - mean) * (x - mean)).sum() / (runs - 1));
        // the sd of 12 draws is within [0.55, 1.45] of the true sd with probability ≈ 97 % (χ² with 11
        // degrees of freedom between 3.3 and 23.1)
        assertThat(spread / Math.sqrt(se2)).as("spread %s vs reported s.e. %s", spread, Math.sqrt(se2))
                .isBetween(0.55, 1.45);
        assertThat(spread / Math.sqrt(samplesSe2)).as("the samples' s.e. alone").isGreaterThan(2.5);
        assertThat(Math.abs(mean - 5.5081)).isLessThan(5 * Math.sqrt(se2 / runs + 0.0184 * 0.0184));
    }

    /** Over (a, b) alone (the fits' programs) the estimator gives the four-parameter estimate's (a, b) bit for bit. */
    @Test
    void overABGivesTheSameComponents() {
        LundProgram full = LundProgram.of(PIONS, Observables.multiplicity());
        LundProgram ab = full.overAB();
        GradientEstimate g4 = LawScoreEstimator.of(full, 2).estimate(full, THETA, 4000, 9);
        GradientEstimate g2 = LawScoreEstimator.of(ab, 2).estimate(ab, new double[] {THETA[0], THETA[1]}, 4000, 9);
        for (int j = 0; j < 2; j++) {
            assertThat(g2.mean(j)).isEqualTo(g4.mean(j));
            assertThat(g2.variance(j)).isEqualTo(g4.variance(j));
        }
        assertThat(g2.value()).isEqualTo(g4.value());
    }

    /** Below a = 0.02 Pythia drops the (1 − z)^a term: nothing depends on a, every sample's a-component is 0. */
    @Test
    void belowTheATermsCutTheADerivativeIsExactlyZero() {
        LundProgram program = LundProgram.of(PIONS, Observables.multiplicity());
        GradientEstimate g = LawScoreEstimator.of(program, 2).estimate(program, new double[] {0.01, 0.98, 0.335, 0},
                20_000, 5);
        assertThat(g.mean(0)).isZero();
        assertThat(g.variance(0)).isZero();
        assertThat(g.mean(1)).isLessThan(-1);
    }

    @Test
    void otherProgramsAndThetasAreRefused() {
        LundProgram program = LundProgram.of(PIONS, Observables.multiplicity());
        LawScoreEstimator e = LawScoreEstimator.of(program, 1);
        LundProgram other = LundProgram.of(PIONS, Observables.thrust());
        assertThatThrownBy(() -> e.estimate(other, THETA, 10, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the one");
        assertThatThrownBy(() -> e.estimate(program, new double[] {0.68, 0.98}, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("theta");
        assertThatThrownBy(() -> LawScoreEstimator.of(null, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("program = null");
        assertThatThrownBy(() -> LawScoreEstimator.of(program, 1, 50)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pilotEvents = 50");
    }
}
