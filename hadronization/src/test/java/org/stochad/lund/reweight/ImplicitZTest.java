package org.stochad.lund.reweight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.lund.LundFunction;

/** The implicit z derivative against finite differences of ⟨z⟩ and of the quantile, from {@link LundFunction}'s CDF. */
class ImplicitZTest {

    @Test
    void meanDerivativesMatchQuadrature() {
        double a = 0.68;
        double b = 0.98;
        double mT2 = 0.2436;
        GradientEstimate g = Estimators.stochasticAd().withParallelism(2)
                .estimate(ImplicitZ.program(mT2, 1.5), new double[] {a, b}, 20_000, 3);
        double h = 1e-4;
        double dA = (meanZ(a + h, b * mT2) - meanZ(a - h, b * mT2)) / (2 * h);
        double dB = (meanZ(a, (b + h) * mT2) - meanZ(a, (b - h) * mT2)) / (2 * h);
        assertThat(dA).isCloseTo(-0.1059, org.assertj.core.data.Offset.offset(5e-4));
        assertThat(g.standardError(0)).isLessThan(0.003);
        assertThat(Math.abs(g.mean(0) - dA)).as("d/da %s vs %s (se %s)", g.mean(0), dA, g.standardError(0))
                .isLessThan(5 * g.standardError(0));
        assertThat(g.standardError(1)).isLessThan(0.05 * Math.abs(dB));
        assertThat(Math.abs(g.mean(1) - dB)).as("d/db %s vs %s (se %s)", g.mean(1), dB, g.standardError(1))
                .isLessThan(5 * g.standardError(1));
    }

    @Test
    void derivativeOfTheInverseCdfMatchesFiniteDifferencesOfTheQuantile() {
        // z(u) = F⁻¹(u; a); dz/da at fixed u by bisection on the quadrature CDF at a ± h
        double a = 0.68;
        double bm = 0.98 * 0.2436;
        for (double u : new double[] {0.2, 0.5, 0.9}) {
            double z = quantile(u, a, bm);
            double h = 1e-4;
            double fd = (quantile(u, a + h, bm) - quantile(u, a - h, bm)) / (2 * h);
            double d = ImplicitZ.at(a, 0.98, 0.2436).derivative(z)[0];
            assertThat(d).as("u = %s", u).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-5 + 1e-4 * Math.abs(fd)));
        }
    }

    private static double quantile(double u, double a, double bm) {
        LundFunction f = LundFunction.of(a, 1, bm);
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (f.cdf(mid) < u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double meanZ(double a, double bm) {
        return LundFunction.of(a, 1, bm).meanZ();
    }
}
