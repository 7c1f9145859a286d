package org.stochad.lund.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.HadronQuantity;

/**
 * The re-simulated fit with the Lund law's score ({@link LundFit.Resimulation#LAW_SCORE}): it
 * reaches the hybrid's point within the fits' spread, counts its pilots' events, and refuses the
 * Jacobian step and unknown names.
 */
class LawScoreFitTest {

    private static final LundSettings BASE = LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on")
            .with(LundSettings.E_CM, 40.0);

    private static final List<FitTarget> TARGETS = PseudoData.targets(BASE,
            List.of(HistogramSpec.multiplicity(2, 25), HistogramSpec.hadron(HadronQuantity.X_E, 0, 1, 10)), 8000, 3, 2);

    private static LundFit.Options options(int steps, int gradientSamples, LundFit.Resimulation estimator) {
        return new LundFit.Options(1000, 400, gradientSamples, steps, 0.02, 1, 8, HistogramLoss.CHI2, estimator,
                LundFit.Stepper.GAUSS_NEWTON, 1, 2, false);
    }

    @Test
    void theLawScoreFitReachesTheHybridFitWithinTheSpread() {
        double[] start = {0.45, 1.50};
        int seeds = 5;
        double[][][] fitted = new double[2][seeds][];
        LundFit hybrid = LundFit.of(BASE, TARGETS, options(32, 240, LundFit.Resimulation.HYBRID));
        LundFit law = LundFit.of(BASE, TARGETS, options(32, 240, LundFit.Resimulation.LAW_SCORE));
        for (int s = 0; s < seeds; s++) {
            fitted[0][s] = hybrid.fitResimulated(start, s).estimate(8);
            FitResult r = law.fitResimulated(start, s);
            fitted[1][s] = r.estimate(8);
            // 400 histogram events, 240 samples and three pilots of 120 events per step
            assertThat(r.events()).isEqualTo(32L * (400 + 240 + 3 * 120));
        }
        FitSpread.assertSamePoint(fitted[0], fitted[1], start, "hybrid", "law score");
    }

    @Test
    void theJacobianStepAndUnknownNamesAreRefused() {
        LundFit fit = LundFit.of(BASE, TARGETS, options(2, 30, LundFit.Resimulation.LAW_SCORE))
                .withGradient(LundFit.Gradient.JACOBIAN);
        assertThatThrownBy(() -> fit.fitResimulated(new double[] {0.6, 1.0}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LAW_SCORE");
        assertThat(LundFit.Resimulation.parse(" Law-Score ")).isEqualTo(LundFit.Resimulation.LAW_SCORE);
        assertThatThrownBy(() -> LundFit.Resimulation.parse("bogus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bogus'");
    }
}
