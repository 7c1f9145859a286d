package org.stochad.shower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;

/**
 * The full-size showers against each other and against the published reference points of
 * Kagan &amp; Heinrich (arXiv 2308.16680): the estimators agree within 5 se of their difference,
 * the gradient at θ = 2.5 lies near the published 2.5–2.6 (shower) and 3.0–3.2 (eloss), the mean
 * depth follows θ + 0.85, and the loss minimum lies near θ ≈ 1.1 (shower) and 0.85 (eloss).
 * The published numbers are themselves Monte Carlo estimates, so the ranges below are the
 * published values widened by about their own precision.
 */
class PublishedReferenceTest {

    private static final int SAMPLES = 6000;

    private static void gradientsAgree(ToyShower shower, double lo, double hi) {
        double[] theta = {2.5};
        GradientEstimate sad = Estimators.stochasticAd().estimate(shower, theta, SAMPLES, 1);
        GradientEstimate sf = Estimators.scoreFunctionWithBaseline().estimate(shower, theta, SAMPLES, 2);
        GradientEstimate fd = Estimators.finiteDifference(0.05).estimate(shower, theta, SAMPLES, 3);
        for (GradientEstimate g : List.of(sad, sf, fd)) {
            // small enough to tell the published value from a 10 % error
            assertThat(g.standardError(0)).isLessThan(0.1);
        }
        assertThat(Math.abs(sad.mean(0) - sf.mean(0)))
                .isLessThanOrEqualTo(5 * Math.hypot(sad.standardError(0), sf.standardError(0)));
        assertThat(Math.abs(sad.mean(0) - fd.mean(0)))
                .isLessThanOrEqualTo(5 * Math.hypot(sad.standardError(0), fd.standardError(0)));
        assertThat(sad.mean(0)).isBetween(lo, hi);
    }

    @Test
    void showerGradientAtTwoAndAHalf() {
        gradientsAgree(ToyShower.shower(), 2.3, 2.85);
    }

    @Test
    void elossGradientAtTwoAndAHalf() {
        gradientsAgree(ToyShower.eloss(), 2.8, 3.4);
    }

    @Test
    void showerDepthAndLossMinimum() {
        LossScan.Result r = LossScan.of(ToyShower.shower(), 0.5, 2.5, 11, 600, 7).run();
        for (LossScan.Point p : r.points()) {
            assertThat(p.depth()).isCloseTo(p.theta() + 0.85, org.assertj.core.data.Offset.offset(0.12));
        }
        assertThat(r.minimum()).isBetween(0.95, 1.35);
    }

    @Test
    void elossLossMinimum() {
        LossScan.Result r = LossScan.of(ToyShower.eloss(), 0.3, 1.5, 13, 600, 7).run();
        assertThat(r.minimum()).isBetween(0.7, 1.05);
    }
}
