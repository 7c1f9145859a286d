package org.stochad.lund.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.HadronQuantity;

/**
 * The re-simulated fit with dh_k/dθ from one Jacobian estimate of every bin: with stochastic AD
 * (replay) it is the scalar proxy's fit up to rounding (both replay the same alternative per
 * event, the contraction with ∂L/∂h only moves to after the estimate); with the hybrid it reaches
 * the same point within the fits' spread.
 */
class JacobianFitTest {

    private static final LundSettings BASE = LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on")
            .with(LundSettings.E_CM, 40.0);

    private static LundSettings at(double a, double b) {
        double[] th = BASE.theta();
        th[0] = a;
        th[1] = b;
        return BASE.withTheta(th);
    }

    private static final List<FitTarget> TARGETS = PseudoData.targets(at(0.68, 0.98),
            List.of(HistogramSpec.multiplicity(2, 25), HistogramSpec.hadron(HadronQuantity.X_E, 0, 1, 10)), 8000, 3, 2);

    private static LundFit.Options options(boolean hybrid) {
        return new LundFit.Options(1000, 400, 200, 12, 0.02, 1, 4, HistogramLoss.CHI2, hybrid,
                LundFit.Stepper.GAUSS_NEWTON, 1, 2, false);
    }

    @Test
    void withStochasticAdTheJacobianFitIsTheScalarFitUpToRounding() {
        double[] start = {0.60, 1.10};
        LundFit fit = LundFit.of(BASE, TARGETS, options(false));
        FitResult scalar = fit.fitResimulated(start, 5);
        FitResult jacobian = fit.withGradient(LundFit.Gradient.JACOBIAN).fitResimulated(start, 5);
        double[][] p = scalar.path();
        double[][] q = jacobian.path();
        for (int t = 0; t < p.length; t++) {
            assertThat(q[t][0]).as("a at step " + t).isCloseTo(p[t][0], offset(1e-9));
            assertThat(q[t][1]).as("b at step " + t).isCloseTo(p[t][1], offset(1e-9));
        }
    }

    @Test
    void theGradientModeIsKeptAndScalarIsTheDefault() {
        LundFit fit = LundFit.of(BASE, TARGETS, options(true));
        assertThat(fit.gradient()).isEqualTo(LundFit.Gradient.SCALAR_PROXY);
        assertThat(fit.withGradient(LundFit.Gradient.JACOBIAN).withLog(l -> { }).gradient())
                .isEqualTo(LundFit.Gradient.JACOBIAN);
    }
}
