package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.stochad.ChunkedEstimator;
import org.stochad.EstimateChunk;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observables;

/**
 * The pilot's K̂ error in the standard error of the pathwise mode with conditioned restarts: the
 * relative error the program reports against the geometric law's closed form, the wrapped estimate's
 * s.e. exactly √(se² + (g·r)²) with the samples' mean and variance untouched, chunks finished to the
 * same estimate, and programs without a pilot left alone. (The spread of estimates with different
 * pilots against the reported s.e.: {@code LawScoreEstimatorTest}.)
 */
class PilotScaledEstimatorTest {

    private static final int PILOT = 2000;
    private static final LundSettings CONDITIONED = LundSettings.pionsOnly()
            .with(LundSettings.DIFFERENTIATION, "pathwise").with(LundSettings.PATHWISE_RESTARTS, "conditioned")
            .with(LundSettings.PATHWISE_PILOT_EVENTS, (long) PILOT);
    private static final double[] THETA = {0.68, 0.98, 0.335, 0};

    @Test
    void theStandardErrorIncludesTheGeometricPilotsError() {
        LundProgram program = LundProgram.of(CONDITIONED, Observables.multiplicity());
        double r = program.pilotRelativeError(THETA);
        // attempts per event are geometric with P(success) = 0.854 (research note): se(K̂)/K = √((1 − P)/n)
        double p = 0.854;
        assertThat(r).isCloseTo(Math.sqrt((1 - p) / PILOT), within(0.15 * Math.sqrt((1 - p) / PILOT)));
        assertThat(program.overAB().pilotRelativeError(new double[] {0.68, 0.98})).isEqualTo(r);

        ChunkedEstimator hybrid = Estimators.hybrid(StochasticAdOptions.replay().twoSidedBernoulli());
        GradientEstimate plain = hybrid.estimate(program, THETA, 3000, 11L);
        Estimator wrapped = program.withPilotError(hybrid);
        GradientEstimate g = wrapped.estimate(program, THETA, 3000, 11L);
        assertThat(wrapped.name()).isEqualTo(hybrid.name());
        assertThat(g.note()).contains("K-hat");
        for (int j = 0; j < 4; j++) {
            assertThat(g.mean(j)).isEqualTo(plain.mean(j));
            assertThat(g.variance(j)).isEqualTo(plain.variance(j));
            assertThat(g.standardError(j)).isEqualTo(Math.hypot(plain.standardError(j), plain.mean(j) * r));
        }
        assertThat(g.standardError(0)).isGreaterThan(plain.standardError(0));

        // as a chunk (as on Spark; 3000 samples are one chunk of the core's size): the same estimate
        ChunkedEstimator c = (ChunkedEstimator) wrapped;
        EstimateChunk all = c.chunk(program, THETA, 11L, 0, 3000);
        GradientEstimate fromChunks = c.finish(all, 1);
        for (int j = 0; j < 4; j++) {
            assertThat(fromChunks.mean(j)).isEqualTo(g.mean(j));
            assertThat(fromChunks.standardError(j)).isEqualTo(g.standardError(j));
        }
        double[] other = {0.70, 0.98, 0.335, 0};
        assertThatThrownBy(() -> c.chunk(program, THETA, 11L, 0, 10).merge(c.chunk(program, other, 11L, 10, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("theta");
    }

    @Test
    void withoutConditionedRestartsNothingIsAdded() {
        LundProgram flips = LundProgram.of(LundSettings.pionsOnly(), Observables.multiplicity());
        ChunkedEstimator sad = Estimators.stochasticAd();
        assertThat(flips.withPilotError(sad)).isSameAs(sad);
        assertThatThrownBy(() -> flips.pilotRelativeError(THETA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lund:pathwiseRestarts");
        assertThatThrownBy(() -> new PilotScaledEstimator(null, t -> 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
