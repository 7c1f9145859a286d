package org.stochad.lund.pathwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.junit.jupiter.api.Test;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.observable.Observables;

/**
 * The per-step baselines of the hybrid's score half (conditioned restarts, {@link RestartPilot}'s
 * β fitted per parameter as control-variate coefficients of Φ, {@link StepStates}): K̂·[1_s·(N − m̂)·(S + δw) − Σ_segments U(state)·s] is unbiased for
 * d⟨N⟩/da, d⟨N⟩/db and d⟨N⟩/dσ (s including the string steps' pT weight terms) against
 * independent central differences, for both tangent signs and for a
 * deliberately poor β (any fixed β must be unbiased: each segment's score has mean 0 given the
 * state at its start), and the fitted β removes about half of the variance.
 */
class StepBaselineTest {

    private static final LundSettings CONDITIONED = LundSettings.pionsOnly()
            .with(LundSettings.DIFFERENTIATION, "pathwise").with(LundSettings.PATHWISE_RESTARTS, "conditioned");
    private static final double[] THETA = {0.68, 0.98, 0.335, 0};
    /** CRN central differences of ⟨N⟩ (a, b, σ) over 3.2·10⁶ samples (research note, round 3). */
    private static final double[] FD = {5.5081, -4.0837, -24.060};
    private static final double[] FD_SE = {0.0184, 0.0189, 0.037};
    /** Upper bounds of the variance ratio per-step / constant (measured at 10⁵ events: 0.39, 0.45, 0.63). */
    private static final double[] RATIO = {0.5, 0.55, 0.75};
    /** The relative bias each check resolves at 5 s.e. (σ's pT weight score is the noisiest). */
    private static final double[] RESOLVED = {0.05, 0.05, 0.07};
    private static final int EVENTS = 50_000;
    private static final String[] NAMES = {"a", "b", "sigma"};

    /** Per first attempt: the estimates with the constant baseline only, then with the pilot's per-step baselines. */
    private static double[][] estimates(RestartPilot pilot, double sign, long seed) {
        PathwiseFragmenter fragmenter = PathwiseFragmenter.of(CONDITIONED);
        return IntStream.range(0, EVENTS).parallel().mapToObj(i -> {
            PathwiseFragmenter.FirstAttempt first = fragmenter.firstAttemptScored(PrimalSampler.of(seed, i),
                    LundParameters.withUnitTangents(THETA, sign, CONDITIONED));
            PathwiseFragmenter.Result r = first.result();
            double[] row = new double[6];
            for (int j = 0; j < 3; j++) {
                double total = r == null ? 0 : (r.event().multiplicity() - pilot.mean())
                        * (first.score()[j] + r.event().weight().delta(j));
                row[j] = pilot.attempts() * total;
                row[3 + j] = pilot.attempts() * (total - pilot.baselineTerm(first.stateScores(), j));
            }
            return row;
        }).toArray(double[][]::new);
    }

    private static double[] column(double[][] rows, int c) {
        return Arrays.stream(rows).mapToDouble(r -> r[c]).toArray();
    }

    /** Asserts agreement with sign·FD within 5 combined s.e. (the pilot's K̂ error included); returns the s.e. */
    private static double assertUnbiased(double[] x, int j, double sign, RestartPilot pilot, String what) {
        double mean = Mean.of(x).getAsDouble();
        double se = Math.sqrt(Variance.of(x).getAsDouble() / x.length);
        double pilotSd = Math.abs(mean) * pilot.attemptsSe() / pilot.attempts();
        double combined = Math.sqrt(se * se + FD_SE[j] * FD_SE[j] + pilotSd * pilotSd);
        assertThat(Math.abs(mean - sign * FD[j])).as("%s, d<N>/d%s, sign %s: %s ± %s vs FD %s", what,
                NAMES[j], sign, mean, se, sign * FD[j]).isLessThanOrEqualTo(5 * combined);
        return se;
    }

    @Test
    void perStepBaselinesAreUnbiasedAndHalveTheVariance() {
        RestartPilot pilot = RestartPilots.of(CONDITIONED, Observables.multiplicity()).at(THETA);
        for (double sign : new double[] {1, -1}) {
            double[][] rows = estimates(pilot, sign, 20_261_205L);
            for (int j = 0; j < 3; j++) {
                double[] constant = column(rows, j);
                double[] stepped = column(rows, 3 + j);
                assertUnbiased(constant, j, sign, pilot, "constant baseline");
                double se = assertUnbiased(stepped, j, sign, pilot, "per-step baselines");
                // a 5 % (σ: 7 %) bias of the derivative lies beyond 5 s.e.
                assertThat(5 * se).isLessThan(RESOLVED[j] * Math.abs(FD[j]));
                assertThat(Variance.of(stepped).getAsDouble()).as("variance ratio, d/d%s", NAMES[j])
                        .isLessThan(RATIO[j] * Variance.of(constant).getAsDouble());
            }
        }
    }

    /**
     * β far from the fit — doubled, with an offset of 3 on the constant and 0.2 per step — must
     * still be unbiased (it only costs variance); a baseline that saw any of a segment's own draws
     * would not be.
     */
    @Test
    void anyFixedBaselineIsUnbiased() {
        RestartPilot fitted = RestartPilots.of(CONDITIONED, Observables.multiplicity()).at(THETA);
        double[][] beta = fitted.stateBaseline();
        for (double[] row : beta) {
            for (int f = 0; f < row.length; f++) {
                row[f] *= 2;
            }
            row[0] += 3;
            row[3] += 0.2;
        }
        RestartPilot poor = new RestartPilot(fitted.mean(), fitted.meanSe(), fitted.attempts(), fitted.attemptsSe(),
                fitted.events(), beta);
        double[][] rows = estimates(poor, 1, 20_261_206L);
        for (int j = 0; j < 3; j++) {
            double se = assertUnbiased(column(rows, 3 + j), j, 1, poor, "poor per-step baselines");
            assertThat(5 * se).isLessThan(2.5 * RESOLVED[j] * Math.abs(FD[j]));
        }
    }

    @Test
    void segmentsAddTheirFeaturesTimesTheirScore() {
        StepStates states = new StepStates(2);
        states.boundary(0, 100.0, 0.0, new double[] {0, 0});
        states.boundary(1, 50.0, 0.5, new double[] {1, 2});
        states.close(new double[] {4, 2});
        double[] phi0 = StepStates.features(0, 100.0, 0.0);
        double[] phi1 = StepStates.features(1, 50.0, 0.5);
        assertThat(phi1).containsExactly(1, Math.log(50), Math.log(50) * Math.log(50), 1, 0.5, Math.log(50));
        double[][] sums = states.sums();
        for (int f = 0; f < StepStates.FEATURES; f++) {
            assertThat(sums[f][0]).isEqualTo(phi0[f] * 1 + phi1[f] * 3);
            assertThat(sums[f][1]).isEqualTo(phi0[f] * 2 + phi1[f] * 0);
        }
    }

    @Test
    void aPilotWithoutBaselineHasZeroCoefficientsAndBadCoefficientsAreRefused() {
        for (double[] row : new RestartPilot(16, 0.02, 1.16, 0.003, 100).stateBaseline()) {
            assertThat(row).hasSize(StepStates.FEATURES).containsOnly(0.0);
        }
        assertThatThrownBy(() -> new RestartPilot(16, 0.02, 1.16, 0.003, 100, new double[4][3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stateBaseline");
        double[][] nan = new double[4][StepStates.FEATURES];
        nan[1][2] = Double.NaN;
        assertThatThrownBy(() -> new RestartPilot(16, 0.02, 1.16, 0.003, 100, nan))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
