package org.stochad.lund.reweight;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;

/**
 * The implicit z derivative against finite differences of ⟨z⟩ and of the quantile by quadrature
 * written here (Commons Gauss–Legendre), independent of the {@code LundFunction} quadrature that
 * {@link ImplicitZ} is built on.
 */
class ImplicitZTest {

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

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
        UnivariateFunction f = f(a, bm);
        double norm = integrate(f, 1);
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (integrate(f, mid) / norm < u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The unnormalised Lund function (1 − z)^a/z·exp(−b mT²/z), bm = b·mT². */
    private static UnivariateFunction f(double a, double bm) {
        return z -> z <= 0 || z >= 1 ? 0 : Math.pow(1 - z, a) / z * Math.exp(-bm / z);
    }

    private static double meanZ(double a, double bm) {
        UnivariateFunction f = f(a, bm);
        return integrate(z -> z * f.value(z), 1) / integrate(f, 1);
    }

    /** ∫₀^upTo g by 40 panels of 48-point Gauss–Legendre. */
    private static double integrate(UnivariateFunction g, double upTo) {
        double sum = 0;
        int panels = 40;
        for (int k = 0; k < panels; k++) {
            sum += FACTORY.legendre(48, upTo * k / panels, upTo * (k + 1.0) / panels).integrate(g);
        }
        return sum;
    }
}
