package org.stochad.lund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticTriple;
import org.stochad.lund.observable.Observables;
import org.stochad.lund.pathwise.PathwiseFragmenter;
import org.stochad.lund.pathwise.RestartPilot;
import org.stochad.lund.pathwise.RestartPilots;

/**
 * {@code Lund:pathwiseRestarts = conditioned}: the pilots estimate what they claim, and the
 * conditioned estimator of d⟨N⟩/d(a, b) agrees with an independent high-statistics central
 * difference, with a standard error small enough to see a wrong pilot.
 */
class RestartConditionedTest {

    /** The selectable best pathwise form with conditioned restarts, pions-only u-ū at 100 GeV. */
    private static final LundSettings CONDITIONED = LundSettings.pionsOnly()
            .with(LundSettings.DIFFERENTIATION, "pathwise").with(LundSettings.PATHWISE_STOP, "joint")
            .with(LundSettings.PATHWISE_FINAL_TWO, "plane").with(LundSettings.PATHWISE_RESTARTS, "conditioned");
    private static final double[] THETA = {0.68, 0.98, 0.335, 0};

    /**
     * The independent reference: CRN central differences (h = 0.02) of ⟨N⟩ on the flips mode over
     * 3.2·10⁶ samples, seed 20250613 + 99, from
     * {@code PathwiseHarness 400000 3200000 2 N,T score,byzpl12ts} (docs/hadronization-pathwise-research.md,
     * round 3): d⟨N⟩/da = 5.5081 ± 0.0184, d⟨N⟩/db = −4.0837 ± 0.0189.
     */
    private static final double[] FD = {5.5081, -4.0837};
    private static final double[] FD_SE = {0.0184, 0.0189};

    @Test
    void theSettingSelectsConditionedRestartsAndReplayStaysTheDefault() throws Exception {
        assertThat(LundSettings.defaults().pathwiseRestarts()).isEqualTo(LundSettings.PathwiseRestarts.REPLAY);
        assertThat(LundSettings.defaults().pathwisePilotEvents()).isEqualTo(20_000);
        assertThat(CONDITIONED.pathwiseRestarts()).isEqualTo(LundSettings.PathwiseRestarts.CONDITIONED);
        assertThat(LundSettings.defaults().with(LundSettings.PATHWISE_RESTARTS, "Conditioned").pathwiseRestarts())
                .isEqualTo(LundSettings.PathwiseRestarts.CONDITIONED);
        assertThatThrownBy(() -> LundSettings.defaults().with(LundSettings.PATHWISE_RESTARTS, "rao"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lund:pathwiseRestarts")
                .hasMessageContaining("rao");
        assertThatThrownBy(() -> LundSettings.defaults().with(LundSettings.PATHWISE_PILOT_EVENTS, 10L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
        LundSettings small = CONDITIONED.with(LundSettings.PATHWISE_PILOT_EVENTS, 500L);
        LundProgram p = LundProgram.of(small, Observables.multiplicity());
        assertThatThrownBy(() -> p.withObservables(e -> new StochasticTriple[] {StochasticTriple.constant(1)}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lund:pathwiseRestarts");
        // the serial form rebuilds the program from the settings' text: the same pilots (seeds from
        // Random:seed only), hence the same outputs
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        LundProgram copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (LundProgram) in.readObject();
        }
        StochasticTriple[] theta = constants(THETA);
        for (int i = 0; i < 20; i++) {
            assertThat(copy.run(PrimalSampler.of(3, i), theta).value())
                    .isEqualTo(p.run(PrimalSampler.of(3, i), theta).value());
        }
    }

    /**
     * (a) At θ' = (0.9, 0.98, 0.335), away from the settings' point: K̂ (mean attempts per event of
     * the fast path) against 1/P̂_s counted from the pathwise fragmenter's first attempts — which also
     * checks that the two paths' attempts have one law — and m̂ against the mean of N over the
     * pathwise fragmenter's events. Both within 5 combined s.e.; m̂ at the settings' θ lies far
     * outside that tolerance (a pilot run at the wrong θ fails).
     */
    @Test
    void thePilotsEstimateOneOverTheSuccessProbabilityAndTheMean() {
        double[] other = {0.9, 0.98, 0.335, 0};
        RestartPilots pilots = RestartPilots.of(CONDITIONED, Observables.multiplicity());
        RestartPilot pilot = pilots.at(other);
        assertThat(pilots.at(other)).isSameAs(pilot);
        assertThat(RestartPilots.of(CONDITIONED, Observables.multiplicity()).at(other)).isEqualTo(pilot);
        assertThat(pilot.events()).isEqualTo(20_000);

        PathwiseFragmenter pathwise = PathwiseFragmenter.of(CONDITIONED);
        LundParameters p = LundParameters.fromTheta(constants(other), CONDITIONED);
        int n = 10_000;
        long ok = IntStream.range(0, n).parallel()
                .filter(i -> pathwise.firstAttempt(PrimalSampler.of(808, i), p) != null).count();
        double ps = (double) ok / n;
        double seInverse = Math.sqrt(ps * (1 - ps) / n) / (ps * ps);
        double tolerance = 5 * Math.hypot(pilot.attemptsSe(), seInverse);
        assertThat(Math.abs(pilot.attempts() - 1 / ps)).as("K = %s ± %s vs 1/P_s = %s ± %s", pilot.attempts(),
                pilot.attemptsSe(), 1 / ps, seInverse).isLessThanOrEqualTo(tolerance);
        // the power: 3 % of K (a K counting restarts only, or P_s instead of 1/P_s, is far off)
        assertThat(tolerance).isLessThan(0.03 * pilot.attempts());

        int events = 4_000;
        double[] sums = IntStream.range(0, events).parallel()
                .mapToObj(i -> pathwise.fragment(PrimalSampler.of(909, i), p).multiplicity())
                .collect(() -> new double[2], (s, m) -> {
                    s[0] += m;
                    s[1] += (double) m * m;
                }, (x, y) -> {
                    x[0] += y[0];
                    x[1] += y[1];
                });
        double mean = sums[0] / events;
        double se = Math.sqrt((sums[1] / events - mean * mean) / (events - 1));
        double tolMean = 5 * Math.hypot(pilot.meanSe(), se);
        assertThat(Math.abs(pilot.mean() - mean)).as("m = %s ± %s vs primal <N> = %s ± %s", pilot.mean(),
                pilot.meanSe(), mean, se).isLessThanOrEqualTo(tolMean);
        double atSettings = pilots.at(THETA).mean();
        assertThat(Math.abs(atSettings - pilot.mean())).as("<N> at the settings' theta").isGreaterThan(tolMean);
    }

    /**
     * (b) The conditioned estimator of d⟨N⟩/da and d⟨N⟩/db (stochastic AD, two-sided Bernoulli flips,
     * 16,000 samples, about 3 s per run on two quiet cores) against the central difference {@link #FD}; the
     * pilots' own error (|g|·se(K̂)/K̂, the dominant term) is added to the tolerance. The s.e. is
     * small enough to see a wrong pilot: K̂ = 1 (no 1/P_s; the estimate scales by 1/K̂ exactly) and
     * m̂ = 0 (no centring; shift K̂·⟨N⟩·dP_s/da, rerun on the same samples) each move d⟨N⟩/da by
     * more than 5 combined s.e. (A wrong m only matters through dP_s/dθ ≈ 0.10 (a), ≈ 0.03 (b):
     * m̂ + 1 moves d⟨N⟩/da by ≈ 0.12, below this test's resolution.)
     */
    @Test
    void conditionedMultiplicityDerivativeAgreesWithTheCentralDifference() {
        int samples = 16_000;
        long seed = 20_261_201L;
        LundProgram program = LundProgram.of(CONDITIONED, Observables.multiplicity());
        RestartPilot pilot = RestartPilots.of(CONDITIONED, Observables.multiplicity()).at(THETA);
        var sad = Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli()).withParallelism(2);
        GradientEstimate g = sad.estimate(program, THETA, samples, seed);
        double[] combined = new double[2];
        for (int j = 0; j < 2; j++) {
            combined[j] = assertAgreesWithTheCentralDifference(g, j, pilot, "stochastic AD");
            // K = 1 instead of K̂ ≈ 1/P_s: the estimate divided by K̂
            assertThat(Math.abs(g.mean(j) / pilot.attempts() - g.mean(j))).as("shift of K = 1, d/d%s", j)
                    .isGreaterThan(5 * combined[j]);
        }
        // the output's mean is still <N> (value = m + K·1_s·(f − m))
        assertThat(Math.abs(g.value() - pilot.mean())).isLessThan(5 * Math.hypot(pilot.meanSe(),
                4 * Math.sqrt(1.0 / samples)));
        GradientEstimate uncentred = sad.estimate(program.withPilot(t -> new RestartPilot(0, 0, pilot.attempts(),
                pilot.attemptsSe(), pilot.events())), THETA, samples, seed);
        assertThat(Math.abs(uncentred.mean(0) - g.mean(0))).as("shift of m = 0, d/da (%s)", uncentred.mean(0))
                .isGreaterThan(5 * combined[0]);
    }

    /**
     * (c) The hybrid of the conditioned program mixes stochastic AD with the score function of the
     * same first attempt in Pythia's parameterisation, K̂·1_s·(f − m̂)·S (the program reports it,
     * {@link org.stochad.Sampler#reportScoreEstimate}): still unbiased against {@link #FD}, and with a
     * clearly smaller variance than stochastic AD alone (measured at 16,000 samples before the
     * score's per-step control variates: 0.39× for a, 0.59× for b — lower since; the hybrid with the
     * smoothed decisions' recorded score stayed at 0.95×).
     */
    @Test
    void theHybridMixesInTheScoreFunctionOfTheSameAttempt() {
        int samples = 16_000;
        long seed = 20_261_202L;
        LundProgram program = LundProgram.of(CONDITIONED, Observables.multiplicity());
        RestartPilot pilot = RestartPilots.of(CONDITIONED, Observables.multiplicity()).at(THETA);
        StochasticAdOptions options = StochasticAdOptions.replay().twoSidedBernoulli();
        GradientEstimate hybrid = Estimators.hybrid(options).withParallelism(2).estimate(program, THETA, samples, seed);
        GradientEstimate sad = Estimators.stochasticAd(options).withParallelism(2).estimate(program, THETA, samples, seed);
        double[] ratio = {0.6, 0.8};
        for (int j = 0; j < 2; j++) {
            assertAgreesWithTheCentralDifference(hybrid, j, pilot, "hybrid");
            assertThat(hybrid.variance(j)).as("variance, d/d%s: hybrid %s vs stochastic AD %s", j == 0 ? "a" : "b",
                    hybrid.variance(j), sad.variance(j)).isLessThan(ratio[j] * sad.variance(j));
        }
        // a 6 % bias of d<N>/da lies beyond 5 s.e.
        assertThat(5 * hybrid.standardError(0)).isLessThan(0.06 * FD[0]);
    }

    /**
     * Asserts that component j (a or b) is within 5 combined s.e. of {@link #FD}; the pilots' own
     * error (|g|·se(K̂)/K̂, the dominant term) is part of the combination.
     *
     * @return the combined s.e.
     */
    private static double assertAgreesWithTheCentralDifference(GradientEstimate g, int j, RestartPilot pilot,
                                                               String estimator) {
        double pilotSd = Math.abs(g.mean(j)) * pilot.attemptsSe() / pilot.attempts();
        double combined = Math.sqrt(g.standardError(j) * g.standardError(j) + FD_SE[j] * FD_SE[j] + pilotSd * pilotSd);
        assertThat(Math.abs(g.mean(j) - FD[j])).as("%s d<N>/d%s = %s ± %s vs FD %s ± %s", estimator,
                j == 0 ? "a" : "b", g.mean(j), g.standardError(j), FD[j], FD_SE[j]).isLessThanOrEqualTo(5 * combined);
        return combined;
    }

    private static StochasticTriple[] constants(double[] theta) {
        StochasticTriple[] t = new StochasticTriple[theta.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = StochasticTriple.constant(theta[j]);
        }
        return t;
    }
}
