package org.stochad.lund.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.HadronQuantity;

/** The fit's update rules on a deterministic (RSA) loss: Gauss–Newton reaches the stationary point. */
class LundFitTest {

    private static final LundSettings BASE = LundSettings.defaults().with(LundSettings.PIONS_ONLY, "on")
            .with(LundSettings.E_CM, 40.0);

    private static LundSettings at(double a, double b) {
        double[] th = BASE.theta();
        th[0] = a;
        th[1] = b;
        return BASE.withTheta(th);
    }

    private static double gradientNorm(ReweightedSample s, double[] ab) {
        double[] g = s.evaluate(ab[0], ab[1], HistogramLoss.CHI2).gradient();
        return Math.hypot(g[0], g[1]);
    }

    @Test
    void gaussNewtonReachesTheStationaryPointOfTheReweightedLoss() {
        List<FitTarget> targets = PseudoData.targets(at(0.68, 0.98),
                List.of(HistogramSpec.multiplicity(2, 25), HistogramSpec.hadron(HadronQuantity.X_E, 0, 1, 10)), 8000,
                3, 2);
        double[] start = {0.60, 1.10};
        long seed = 17;
        LundFit.Options gn = new LundFit.Options(3000, 100, 10, 40, 0.02, 1, 5, HistogramLoss.CHI2,
                LundFit.Resimulation.HYBRID, LundFit.Stepper.GAUSS_NEWTON, 1, 2, false);
        FitResult fit = LundFit.of(BASE, targets, gn).fitRsa(start, seed);
        FitResult adam = LundFit.of(BASE, targets, gn.withStepper(LundFit.Stepper.ADAM)).fitRsa(start, seed);
        // the fit's base sample, regenerated from the same seed at the start
        ReweightedSample base = ReweightedSample.generate(at(start[0], start[1]), targets, 3000, seed, 2);
        double atStart = gradientNorm(base, start);
        double[] end = fit.path()[fit.path().length - 1];
        double[] adamEnd = adam.path()[adam.path().length - 1];
        assertThat(gradientNorm(base, end)).isLessThan(1e-3 * atStart);
        // the rule matters: Adam's decaying steps are still on the way after the same 40 steps
        assertThat(gradientNorm(base, adamEnd)).isGreaterThan(10 * gradientNorm(base, end));
        assertThat(fit.loss()[fit.loss().length - 1]).isLessThan(fit.loss()[0]);
    }
}
