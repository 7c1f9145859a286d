package org.stochad.lund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stochad.ChunkedEstimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.ScoredSample;
import org.stochad.StochasticProgram;
import org.stochad.lund.observable.Observable;
import org.stochad.lund.observable.Observables;

/**
 * The score-function estimator's sample on doubles ({@link LundProgram#scoredSample}) against the
 * same estimator running the program on triples (the program hidden behind a lambda, so the
 * estimator cannot take the shortcut): every sample's f, pathwise derivative and gradient
 * estimate, and whole estimates, bit for bit.
 */
class ScoreFragmenterTest {

    private static final double[] PYTHIA_POINT = {0.68, 0.98, 0.335, 0.217};

    @Test
    void pionsOnlyMultiplicityAndThrustAreBitIdenticalWithPtWeightOrPathwisePt() {
        LundSettings s = LundSettings.pionsOnly().with(LundSettings.A_LUND, 0.68).with(LundSettings.B_LUND, 0.98);
        assertThat(s.ptScore()).isTrue();
        compare(s, Observables.multiplicity(), PYTHIA_POINT, 3000);
        compare(s, Observables.thrust(), PYTHIA_POINT, 1500);
        LundSettings pathwisePt = s.with(LundSettings.PT_SCORE, "off");
        compare(pathwisePt, Observables.multiplicity(), PYTHIA_POINT, 1500);
        compare(pathwisePt, Observables.thrust(), PYTHIA_POINT, 1500);
        compare(s, Observables.thrust(), PYTHIA_POINT, 700, 0.3);   // f·w − c·(w − 1)
    }

    @Test
    void strangenessWithEtasIsBitIdentical() {
        LundSettings s = LundSettings.defaults().with(LundSettings.PROB_S_TO_UD, 0.3)
                .with(LundSettings.ETA_SUP, 0.6).with(LundSettings.ETA_PRIME_SUP, 0.2);
        compare(s, Observables.multiplicity(), new double[] {0.68, 0.98, 0.335, 0.3}, 2000);
        compare(s, Observables.sphericity(), new double[] {0.68, 0.98, 0.335, 0.3}, 1000);
    }

    @Test
    void peakedEnvelopesEnhancedPtAndEveryZMaxBranchAreBitIdentical() {
        LundSettings s = LundSettings.defaults().with(LundSettings.PEAKED_ENVELOPES, "on")
                .with(LundSettings.ENHANCED_FRACTION, 0.1).with(LundSettings.E_CM, 30.0)
                .with(LundSettings.PT_SCORE, "off");
        compare(s, Observables.chargedMultiplicity(), new double[] {1.0, 0.98, 0.335, 0.217}, 1500);  // a ≈ 1
        compare(s, Observables.thrust(), new double[] {0.01, 0.5, 0.4, 0.217}, 1000);                 // a < 0.02
        compare(s, Observables.multiplicity(), new double[] {2.5, 0.1, 0.3, 0.217}, 1000);
    }

    @Test
    void theABProgramTakesTheTriplePath() {
        LundProgram ab = LundProgram.of(LundSettings.pionsOnly(), Observables.multiplicity()).overAB();
        assertThat(ab.scoredSample(new double[] {0.68, 0.98}, 1, 0)).isNull();
        ScoredSample direct = LundProgram.of(LundSettings.pionsOnly(), Observables.multiplicity())
                .scoredSample(PYTHIA_POINT, 1, 0);
        assertThat(direct).isNotNull();
        assertThat(direct.score()).hasSize(4);
    }

    @Test
    void parametersOutOfRangeLeaveTheSampleToTheTripleRunWhichNamesThem() {
        LundProgram pions = LundProgram.of(LundSettings.pionsOnly(), Observables.multiplicity());
        double[] badA = {-0.1, 0.98, 0.335, 0};
        assertThat(pions.scoredSample(badA, 1, 0)).isNull();
        assertThat(pions.scoredSample(new double[] {0.68, 0.0, 0.335, 0}, 1, 0)).isNull();
        assertThat(pions.scoredSample(new double[] {0.68, 0.98, -1e-9, 0}, 1, 0)).isNull();
        assertThat(pions.scoredSample(new double[] {0.68, Double.NaN, 0.335, 0}, 1, 0)).isNull();
        assertThat(pions.scoredSample(new double[] {0.68, 0.98, 0.335, 1.5}, 1, 0))
                .as("pions only: rho is replaced by 0, so its value is not checked").isNotNull();
        LundProgram strange = LundProgram.of(LundSettings.defaults(), Observables.multiplicity());
        assertThat(strange.scoredSample(new double[] {0.68, 0.98, 0.335, 1.5}, 1, 0)).isNull();
        assertThat(strange.scoredSample(new double[] {0.68, 0.98, 0.335, 1.0}, 1, 0)).isNotNull();
        assertThatThrownBy(() -> Estimators.scoreFunction().estimate(pions, badA, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Lund parameter a = -0.1");
        // σ = 0 is a valid generator setting, but the pT densities' likelihood ratio has no derivative there
        double[] zeroWidth = {0.68, 0.98, 0, 0};
        assertThat(pions.scoredSample(zeroWidth, 1, 0)).isNull();
        assertThatThrownBy(() -> Estimators.scoreFunction().estimate(pions, zeroWidth, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma = 0");
        LundProgram pathwiseWidth = LundProgram.of(LundSettings.pionsOnly().with(LundSettings.PT_SCORE, "off"),
                Observables.multiplicity());
        assertThat(Estimators.scoreFunction().estimate(pathwiseWidth, zeroWidth, 10, 1).mean(0))
                .as("pathwise σ at σ = 0 is defined").isFinite();
    }

    private static void compare(LundSettings settings, Observable o, double[] theta, int samples) {
        compare(settings, o, theta, samples, Double.NaN);
    }

    private static void compare(LundSettings settings, Observable o, double[] theta, int samples, double baseline) {
        LundProgram program = Double.isNaN(baseline) ? LundProgram.of(settings, o)
                : LundProgram.of(settings, o).withPtBaseline(baseline);
        StochasticProgram onTriples = program::run;
        ChunkedEstimator score = Estimators.scoreFunction();
        int direct = 0;
        for (int i = 0; i < samples; i += 7) {
            GradientEstimate fast = score.sampleEstimate(program, theta, 11, i);
            GradientEstimate slow = score.sampleEstimate(onTriples, theta, 11, i);
            assertThat(bits(fast.value())).as("f of sample %d", i).isEqualTo(bits(slow.value()));
            for (int j = 0; j < theta.length; j++) {
                assertThat(bits(fast.mean()[j])).as("gradient %d of sample %d", j, i).isEqualTo(bits(slow.mean()[j]));
            }
            direct += program.scoredSample(theta, 11, i) != null ? 1 : 0;
        }
        assertThat(direct).as("samples computed on doubles").isGreaterThan(samples / 7 * 9 / 10);
        for (ChunkedEstimator e : new ChunkedEstimator[] {score, Estimators.scoreFunctionWithBaseline()}) {
            GradientEstimate fast = e.estimate(program, theta, samples, 5);
            GradientEstimate slow = e.estimate(onTriples, theta, samples, 5);
            assertThat(bits(fast.value())).isEqualTo(bits(slow.value()));
            for (int j = 0; j < theta.length; j++) {
                assertThat(bits(fast.mean()[j])).as("%s mean %d", e.name(), j).isEqualTo(bits(slow.mean()[j]));
                assertThat(bits(fast.variance()[j])).as("%s variance %d", e.name(), j)
                        .isEqualTo(bits(slow.variance()[j]));
            }
            // the score is not trivially zero along any parameter that the run depends on
            assertThat(fast.mean()[LundProgram.B]).isNotEqualTo(0.0);
        }
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }
}
