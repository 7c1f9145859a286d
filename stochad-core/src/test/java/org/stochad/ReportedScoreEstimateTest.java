package org.stochad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stochad.distribution.ContinuousFamilies;

/**
 * {@link Sampler#reportScoreEstimate}: the hybrid mixes stochastic AD with the program's own
 * score-function estimate instead of the score it records draw by draw.
 *
 * <p>The program: Z ~ Exponential(rate), D = 1{Z &lt; T} with T ~ Uniform(0, 1) integrated out by
 * {@link Sampler#below} (a flippable Bernoulli of probability (1 − Z)⁺ whose tangent flows from
 * Z's pathwise tangent), f = D. The recorded score is that of D given Z, ∂ ln P(D | Z) =
 * −δZ/(1 − Z) on D = 1, whose variance is infinite (∫ dz/(1 − z)) — the Lund generator's smoothed
 * stop decisions in miniature. The program's own estimate is the score of Z's density in the
 * plain parameterisation, (f − b)·(1/rate − Z)·(d rate/dt), with a baseline b fixed in advance.
 * Closed form: E[f] = E[(1 − Z)⁺] = 1 − (1 − e^{−θ})/θ, dE[f]/dθ = (1 − e^{−θ} − θ·e^{−θ})/θ².
 */
class ReportedScoreEstimateTest {

    private static final double BASELINE = 0.45;

    /** The program at rate = t (sign +1) or rate = 2 − t (sign −1), reporting its own estimate or not. */
    private static StochasticProgram program(int sign, boolean report) {
        return (s, t) -> {
            StochasticTriple rate = sign > 0 ? t[0] : t[0].neg().plus(2);
            StochasticTriple z = s.exponential(rate);
            StochasticTriple d = s.below(z, ContinuousFamilies.uniform(), StochasticTriple.constant(0),
                    StochasticTriple.constant(1));
            StochasticTriple f = d;
            if (report) {
                s.reportScoreEstimate((f.value() - BASELINE) * (1 / rate.value() - z.value()) * sign);
            }
            return f;
        };
    }

    private static double exact(double theta) {
        return (1 - Math.exp(-theta) - theta * Math.exp(-theta)) / (theta * theta);
    }

    @Test
    void unbiasedForBothTangentSignsAtInteriorAndSteepPoints() {
        Estimator hybrid = Estimators.hybrid();
        for (double rate : new double[] {1.3, 0.35}) {
            Unbiased.assertUnbiased(hybrid.estimate(program(1, true), new double[] {rate}, 700_000, 11),
                    exact(rate), "rate = t at " + rate);
            Unbiased.assertUnbiased(hybrid.estimate(program(-1, true), new double[] {2 - rate}, 700_000, 12),
                    -exact(rate), "rate = 2 − t at " + rate);
        }
    }

    @Test
    void theHybridMixesTheReportedEstimateNotTheRecordedScore() {
        double rate = 1.3;
        int n = 200_000;
        GradientEstimate sad = Estimators.stochasticAd().estimate(program(1, true), new double[] {rate}, n, 21);
        GradientEstimate recorded = Estimators.hybrid().estimate(program(1, false), new double[] {rate}, n, 21);
        GradientEstimate reported = Estimators.hybrid().estimate(program(1, true), new double[] {rate}, n, 21);
        // measured: SAD 0.120, hybrid with the recorded score 0.096, with the report 0.017
        assertThat(reported.variance(0)).isLessThan(0.3 * Math.min(sad.variance(0), recorded.variance(0)));
        Unbiased.assertUnbiased(reported, exact(rate), "hybrid with the report");
        Unbiased.assertUnbiased(recorded, exact(rate), "hybrid with the recorded score");
        // SAD ignores the report: same estimate with or without it
        GradientEstimate sadPlain = Estimators.stochasticAd().estimate(program(1, false), new double[] {rate}, n, 21);
        assertThat(sadPlain.mean(0)).isEqualTo(sad.mean(0));
    }

    @Test
    void badReportsAreRefused() {
        StochasticProgram twice = (s, t) -> {
            s.reportScoreEstimate(0);
            s.reportScoreEstimate(0);
            return t[0];
        };
        assertThatThrownBy(() -> Estimators.hybrid().estimate(twice, new double[] {1}, 8, 1))
                .hasMessageContaining("twice");
        StochasticProgram wrongLength = (s, t) -> {
            s.reportScoreEstimate(0, 0);
            return t[0];
        };
        assertThatThrownBy(() -> Estimators.hybrid().estimate(wrongLength, new double[] {1}, 8, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 2");
        StochasticProgram sometimes = (s, t) -> {
            if (s.uniform() < 0.5) {
                s.reportScoreEstimate(0);
            }
            return t[0];
        };
        assertThatThrownBy(() -> Estimators.hybrid().withParallelism(1).estimate(sometimes, new double[] {1}, 64, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in every run");
        StochasticProgram notFinite = (s, t) -> {
            s.reportScoreEstimate(Double.NaN);
            return t[0];
        };
        assertThatThrownBy(() -> Estimators.hybrid().estimate(notFinite, new double[] {1}, 8, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jacobian[0] = NaN");
    }
}
