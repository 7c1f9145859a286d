package org.stochad.lund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The Lund-function helper against composite Commons Gauss–Legendre quadrature and finite differences. */
class LundFunctionTest {

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    private static double integrate(UnivariateFunction g) {
        double sum = 0;
        int panels = 200;
        for (int k = 0; k < panels; k++) {
            sum += FACTORY.legendre(64, (double) k / panels, (k + 1.0) / panels).integrate(g);
        }
        return sum;
    }

    @Test
    void normalisationAndDerivativesMatchCompositeQuadrature() {
        LundFunction l = LundFunction.of(0.68, 0.98, 0.2436);
        double n = integrate(l::f);
        assertThat(l.normalisation()).isCloseTo(n, Offset.offset(1e-9 * n));
        double na = integrate(z -> Math.log1p(-z) * l.f(z));
        assertThat(l.normalisationDa()).isCloseTo(na, Offset.offset(1e-9 * Math.abs(na)));
        double nb = integrate(z -> -0.2436 / z * l.f(z));
        assertThat(l.normalisationDb()).isCloseTo(nb, Offset.offset(1e-9 * Math.abs(nb)));
        assertThat(l.meanZ()).isCloseTo(integrate(z -> z * l.f(z)) / n, Offset.offset(1e-9));
        assertThat(l.cdf(0.3)).isCloseTo(integrate(z -> z < 0.3 ? l.f(z) : 0) / n, Offset.offset(1e-6));
        assertThat(l.density(0.3)).isCloseTo(l.f(0.3) / n, Offset.offset(1e-9));
    }

    @Test
    void meanDerivativesMatchFiniteDifferences() {
        double h = 1e-5;
        LundFunction l = LundFunction.of(0.68, 0.98, 0.2436);
        double fa = (LundFunction.of(0.68 + h, 0.98, 0.2436).meanZ() - LundFunction.of(0.68 - h, 0.98, 0.2436).meanZ()) / (2 * h);
        double fb = (LundFunction.of(0.68, 0.98 + h, 0.2436).meanZ() - LundFunction.of(0.68, 0.98 - h, 0.2436).meanZ()) / (2 * h);
        assertThat(l.meanZDa()).isCloseTo(fa, Offset.offset(1e-7));
        assertThat(l.meanZDb()).isCloseTo(fb, Offset.offset(1e-7));
        assertThat(l.meanZDa()).isCloseTo(-0.1059, Offset.offset(5e-4));
    }

    @Test
    void maximumIsTheGeneratorsAndFPeaksThere() {
        LundFunction l = LundFunction.of(0.68, 0.98, 0.2436);
        double zm = l.zMax();
        assertThat(zm).isEqualTo(LundZ.zMax(0.68, 0.98 * 0.2436));
        assertThat(l.f(zm)).isGreaterThan(l.f(zm + 1e-3));
        assertThat(l.f(zm)).isGreaterThan(l.f(zm - 1e-3));
        assertThat(l.f(0)).isZero();
        assertThat(l.f(1)).isZero();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> LundFunction.of(-0.1, 1, 1)).hasMessageContaining("a = -0.1");
        assertThatThrownBy(() -> LundFunction.of(0.5, 0, 1)).hasMessageContaining("b = 0");
        assertThatThrownBy(() -> LundFunction.of(0.5, 1, -2)).hasMessageContaining("mT2 = -2");
    }
}
